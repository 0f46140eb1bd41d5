package dev.steward.reviews.triggers;

import java.time.Instant;

/**
 * An event that calls for a micro-review (a mover, a leaver, an incident linked to a system), recorded with the change
 * itself, and what became of it: the campaign launched, or why none was.
 *
 * @param personId     the person under review (mover, leaver), or null
 * @param systemId     the system under review (incident), or null
 * @param campaignName the name the review gets, e.g. "Mover review: Ada Lovelace (Finance → Sales)"
 * @param reason       what happened, in words, e.g. "Ada Lovelace moved from Finance to Sales (people import hr.csv by hr-admin)"
 * @param outcome      the launched campaign's item count, or why it was skipped or failed
 */
public record Trigger(long id, Kind kind, Status status, Long personId, Long systemId, String campaignName, String reason,
                      Instant detectedAt, String detectedBy, Long campaignId, String outcome, Instant processedAt) {

    public enum Kind {
        MOVER("Mover"), LEAVER("Leaver"), INCIDENT("Incident");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public enum Status {
        PENDING("Waiting for launch"), LAUNCHED("Launched"), SKIPPED("Skipped"), FAILED("Failed");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
