package dev.steward.vendors.risk;

import java.time.Instant;

/** One change of a vendor's tier: from (null for the first), to, by whom, when and why. */
public record TierChange(Integer fromTier, int toTier, String changedBy, Instant changedAt, String reason, Long assessmentId) {
}
