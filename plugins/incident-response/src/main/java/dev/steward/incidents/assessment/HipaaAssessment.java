package dev.steward.incidents.assessment;

import java.time.Instant;

/**
 * The four-factor assessment of 45 CFR 164.402(2): an impermissible use or disclosure of PHI is presumed a breach
 * unless it shows a low probability that the PHI has been compromised.
 */
public record HipaaAssessment(String natureAndExtent, String unauthorisedPerson, String acquiredOrViewed, String mitigation,
                              boolean lowProbability, String assessedBy, Instant assessedAt) {

    public HipaaAssessment {
        require(natureAndExtent, "Factor 1: describe the nature and extent of the PHI involved (identifiers, likelihood of re-identification)");
        require(unauthorisedPerson, "Factor 2: say who used the PHI or to whom it was disclosed");
        require(acquiredOrViewed, "Factor 3: say whether the PHI was actually acquired or viewed");
        require(mitigation, "Factor 4: describe to what extent the risk has been mitigated");
    }

    private static void require(String text, String message) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(message);
        }
    }
}
