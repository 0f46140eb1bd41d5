package dev.steward.reviews.remediation;

import java.time.Instant;

/**
 * A revocation to carry out in a system, and what the imports since have shown.
 *
 * @param note the latest mark's ticket or reason
 */
public record RemediationItem(long id, long campaignId, String campaign, long systemId, String system, String accountName,
                              String entitlement, String grantedVia, String personName, String decidedBy, String comment, Status status,
                              String note, String updatedBy, Instant updatedAt, Long verifiedImport, int version) {

    public enum Status { OPEN, DONE, FAILED, VERIFIED, NOT_REMOVED }
}
