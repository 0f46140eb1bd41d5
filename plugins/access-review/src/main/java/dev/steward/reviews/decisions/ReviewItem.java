package dev.steward.reviews.decisions;

import java.time.Instant;
import java.util.List;

/**
 * One frozen review item: whose access, to what, with which flags, the recommendation, and the decision so far.
 *
 * @param stage         the review stage the item is in (or was last decided in)
 * @param escalationLevel 0 with its stage's reviewer; 1 escalated to the reviewer's manager; 2 to the fallback reviewer
 *                      (privileged or flagged items nobody decided in time, see SensitiveEscalation)
 * @param earlierStages what earlier stages decided, for a later stage's reviewer ("Stage 1: approved by … (comment)"),
 *                      or null in the first stage
 */
public record ReviewItem(long id, long campaignId, String system, String accountName, Long personId, String personName,
                         String entitlement, String grantedVia, boolean privileged, List<String> flags, String recommendation,
                         String recommendationReason, String reviewer, String routedToFallback, Outcome outcome,
                         String decidedBy, Instant decidedAt, String comment, boolean bulk, int stage, int escalationLevel,
                         String earlierStages, int version) {

    public enum Outcome { PENDING, APPROVED, REVOKED }

    public boolean escalated() {
        return escalationLevel > 0;
    }

    /** Flagged or privileged items need a comment to be approved and can never be decided in bulk. */
    public boolean needsCare() {
        return privileged || !flags.isEmpty();
    }
}
