package dev.steward.reviews.decisions;

import java.time.Instant;
import java.util.List;

/**
 * One frozen review item: whose access, to what, with which flags, the recommendation, and the decision so far.
 *
 * @param stage         the review stage the item is in (or was last decided in)
 * @param earlierStages what earlier stages decided, for a later stage's reviewer ("Stage 1: approved by … (comment)"),
 *                      or null in the first stage
 */
public record ReviewItem(long id, long campaignId, String system, String accountName, Long personId, String personName,
                         String entitlement, String grantedVia, boolean privileged, List<String> flags, String recommendation,
                         String recommendationReason, String reviewer, String routedToFallback, Outcome outcome,
                         String decidedBy, Instant decidedAt, String comment, boolean bulk, int stage, String earlierStages,
                         int version) {

    public enum Outcome { PENDING, APPROVED, REVOKED }

    /** Flagged or privileged items need a comment to be approved and can never be decided in bulk. */
    public boolean needsCare() {
        return privileged || !flags.isEmpty();
    }
}
