package dev.steward.reviews.imports;

/**
 * A committed import: the snapshot it made and what the remediation check found.
 *
 * @param verified revoked grants now gone: proven removed by this import
 * @param notRemoved revoked grants still present: flagged and escalated
 */
public record ImportResult(long importId, ImportPreview changes, int verified, int notRemoved) {
}
