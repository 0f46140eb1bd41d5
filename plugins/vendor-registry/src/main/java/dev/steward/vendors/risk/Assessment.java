package dev.steward.vendors.risk;

import java.time.Instant;
import java.time.LocalDate;

public record Assessment(long id, long vendorId, String assessedBy, Instant assessedAt, String factors, int inherentScore,
                         int inherentTier, int residualTier, String summary, LocalDate nextReviewOn) {
}
