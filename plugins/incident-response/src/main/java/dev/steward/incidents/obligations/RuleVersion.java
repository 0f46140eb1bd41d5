package dev.steward.incidents.obligations;

import java.time.Instant;
import java.time.LocalDate;

/** One version of a notification rule as its history shows it: who wrote it, when and why. */
public record RuleVersion(int version, LocalDate effectiveFrom, boolean superseded, String changedBy, Instant changedAt,
                          String reason) {
}
