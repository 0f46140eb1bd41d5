package dev.steward.dsr.verification;

import dev.steward.dsr.requests.Regime;
import dev.steward.dsr.requests.RequestType;

import java.time.Instant;

/** One version of the verification rule for a regime and request type; {@code pointsRequired} 0: none needed. */
public record VerificationRule(long id, Regime regime, RequestType type, int version, int pointsRequired, boolean declarationRequired,
                               boolean agentProofRequired, boolean consumerConfirmation, boolean parentProofRequired,
                               boolean householdAllMembers, FailureAction onFailure, String failureReason, String citation,
                               String changedBy, Instant changedAt, String changeReason) {

    public boolean needsVerification() {
        return pointsRequired > 0 || declarationRequired;
    }

    /** "CCPA · Deletion v2", for timelines. */
    public String name() {
        return regime.label() + " · " + type.label() + " v" + version;
    }
}
