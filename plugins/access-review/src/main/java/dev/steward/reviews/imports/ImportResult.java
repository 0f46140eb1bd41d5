package dev.steward.reviews.imports;

/**
 * A committed import: the snapshot it made and what the remediation check found.
 *
 * @param number   the snapshot's number among the system's imports (1, 2, 3...)
 * @param verified revoked grants now gone: proven removed by this import
 * @param notRemoved revoked grants still present: flagged and escalated
 */
public record ImportResult(long importId, int number, ImportPreview changes, int verified, int notRemoved) {
}
