package dev.steward.reviews.remediation;

import java.time.Instant;
import dev.steward.platform.export.SafeCsv;
import dev.steward.platform.notifications.Notification;
import dev.steward.platform.notifications.NotificationService;
import dev.steward.platform.security.CurrentUser;
import dev.steward.reviews.ReviewPermissions;
import dev.steward.reviews.db.tables.records.RemediationRecord;
import dev.steward.platform.validation.ConcurrentChangeException;
import dev.steward.platform.validation.InvalidInputException;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.OutputStream;
import java.util.List;
import java.util.Map;

import static dev.steward.reviews.db.Tables.CAMPAIGN;
import static dev.steward.reviews.db.Tables.REMEDIATION;
import static dev.steward.reviews.db.Tables.REMEDIATION_MARK;
import static dev.steward.reviews.db.Tables.IMPORT_RUN;
import static dev.steward.reviews.db.Tables.REVIEW_ITEM;
import static dev.steward.reviews.db.Tables.SYSTEM;
import static org.jooq.impl.DSL.noCondition;

/**
 * Revocations to carry out: the people who remove access mark them done (with the ticket) or failed (with the
 * reason), export them per system, and the system's next import proves them (verified) or flags them (revoked but not
 * removed), which escalates to the campaign's owner. Every mark is kept ({@link #history}); a failed mark stays failed
 * until someone marks it again or an import proves the access gone.
 */
@Service
public class RemediationService {

    private final DSLContext dsl;
    private final NotificationService notifications;

    RemediationService(DSLContext dsl, NotificationService notifications) {
        this.dsl = dsl;
        this.notifications = notifications;
    }

    @PreAuthorize(ReviewPermissions.MAY_READ)
    @Transactional(readOnly = true)
    public List<RemediationItem> list(Long systemId, RemediationItem.Status status, int offset, int limit) {
        return dsl.select(REMEDIATION.fields()).select(CAMPAIGN.NAME, SYSTEM.NAME, REVIEW_ITEM.PERSON_NAME, REVIEW_ITEM.DECIDED_BY,
                        REVIEW_ITEM.COMMENT, REVIEW_ITEM.GRANTED_VIA)
                .from(REMEDIATION).join(CAMPAIGN).on(CAMPAIGN.ID.eq(REMEDIATION.CAMPAIGN_ID))
                .join(SYSTEM).on(SYSTEM.ID.eq(REMEDIATION.SYSTEM_ID)).join(REVIEW_ITEM).on(REVIEW_ITEM.ID.eq(REMEDIATION.ITEM_ID))
                .where(filter(systemId, status)).orderBy(REMEDIATION.ID).offset(offset).limit(limit)
                .fetch(r -> {
                    RemediationRecord rem = r.into(REMEDIATION);
                    return new RemediationItem(rem.getId(), rem.getCampaignId(), r.get(CAMPAIGN.NAME), rem.getSystemId(), r.get(SYSTEM.NAME),
                            rem.getAccountName(), rem.getEntitlement(), r.get(REVIEW_ITEM.GRANTED_VIA), r.get(REVIEW_ITEM.PERSON_NAME), r.get(REVIEW_ITEM.DECIDED_BY),
                            r.get(REVIEW_ITEM.COMMENT), rem.getStatus(), rem.getNote(), rem.getUpdatedBy(),
                            rem.getUpdatedAt(), rem.getVerifiedImport(), rem.getVersion());
                });
    }

    @PreAuthorize(ReviewPermissions.MAY_READ)
    @Transactional(readOnly = true)
    public int count(Long systemId, RemediationItem.Status status) {
        return dsl.fetchCount(REMEDIATION, filter(systemId, status));
    }

    /**
     * Records what the person removing the access did, with the ticket or change reference (done) or the reason
     * (failed, or open again); only the next import can verify it.
     */
    @PreAuthorize(ReviewPermissions.MAY_ADMINISTER)
    @Transactional
    public void mark(long remediationId, int version, RemediationItem.Status status, String note) {
        if (status != RemediationItem.Status.DONE && status != RemediationItem.Status.FAILED && status != RemediationItem.Status.OPEN) {
            throw new IllegalArgumentException("Mark it done, failed or open; verification comes from the next import");
        }
        String text = note == null ? "" : note.strip();
        if (text.isEmpty()) {
            throw new InvalidInputException(List.of(new InvalidInputException.Problem(0, "note", status == RemediationItem.Status.DONE
                    ? "Give the ticket or change reference of the removal" : "Say why")));
        }
        if (text.length() > 500) {
            throw new InvalidInputException(List.of(new InvalidInputException.Problem(0, "note", "At most 500 characters")));
        }
        RemediationRecord r = dsl.selectFrom(REMEDIATION).where(REMEDIATION.ID.eq(remediationId)).forUpdate().fetchOptional()
                .orElseThrow(() -> new IllegalArgumentException("Remediation item " + remediationId + " does not exist"));
        if (r.getVersion() != version) {
            throw new ConcurrentChangeException("Someone else changed this item in the meantime; reload and try again");
        }
        if (r.getStatus() == RemediationItem.Status.VERIFIED) {
            throw new IllegalStateException("This revocation was verified by an import; it is closed");
        }
        r.setStatus(status);
        r.setNote(text);
        r.setUpdatedBy(CurrentUser.username().orElse("system"));
        r.setUpdatedAt(Instant.now());
        r.setVersion(r.getVersion() + 1);
        r.store();
        var mark = dsl.newRecord(REMEDIATION_MARK);
        mark.setRemediationId(remediationId);
        mark.setStatus(status);
        mark.setNote(text);
        mark.setMarkedBy(r.getUpdatedBy());
        mark.store();
    }

    /** One mark of a revocation: by a person (with a note) or by an import (with its snapshot number). */
    public record Mark(RemediationItem.Status status, String note, String markedBy, java.time.Instant markedAt, Integer snapshot) {
    }

    /** Every mark of a revocation, oldest first. */
    @PreAuthorize(ReviewPermissions.MAY_READ)
    @Transactional(readOnly = true)
    public List<Mark> history(long remediationId) {
        return dsl.select(REMEDIATION_MARK.STATUS, REMEDIATION_MARK.NOTE, REMEDIATION_MARK.MARKED_BY, REMEDIATION_MARK.MARKED_AT, IMPORT_RUN.NUMBER)
                .from(REMEDIATION_MARK).leftJoin(IMPORT_RUN).on(IMPORT_RUN.ID.eq(REMEDIATION_MARK.IMPORT_ID))
                .where(REMEDIATION_MARK.REMEDIATION_ID.eq(remediationId)).orderBy(REMEDIATION_MARK.ID)
                .fetch(r -> new Mark(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
    }

    /** The system's open revocations as CSV, for the people who remove the access. */
    @PreAuthorize(ReviewPermissions.MAY_ADMINISTER)
    @Transactional(readOnly = true)
    public void exportOpen(long systemId, OutputStream out) {
        try (SafeCsv csv = SafeCsv.open(out, "remediation_id", "system", "account", "entitlement", "granted_via", "person", "status",
                "campaign", "decided_by", "reason")) {
            for (RemediationItem item : list(systemId, null, 0, Integer.MAX_VALUE)) {
                if (item.status() != RemediationItem.Status.VERIFIED) {
                    csv.row(item.id(), item.system(), item.accountName(), item.entitlement(), item.grantedVia(), item.personName(), item.status(),
                            item.campaign(), item.decidedBy(), item.comment());
                }
            }
        }
    }

    /** Tells each campaign owner how many of their revocations the import found still present. */
    @PreAuthorize(ReviewPermissions.MAY_ADMINISTER)
    public void escalateNotRemoved(long systemId, long importId) {
        dsl.fetch("select c.owner, c.name, count(*) n from reviews.remediation r join reviews.campaign c on c.id = r.campaign_id"
                        + " where r.system_id = ? and r.status = 'NOT_REMOVED' and r.verified_import = ? group by c.owner, c.name",
                systemId, importId).forEach(row -> notifications.send(new Notification(ReviewPermissions.PLUGIN_ID,
                "reviews.not-removed", row.get("owner", String.class), "Revoked but not removed: " + row.get("name", String.class),
                row.get("n", Integer.class) + " revoked access(es) are still present after the latest import", "reviews/remediation",
                Map.of("campaign", row.get("name", String.class), "count", row.get("n", Integer.class)))));
    }

    private static Condition filter(Long systemId, RemediationItem.Status status) {
        return (systemId == null ? noCondition() : REMEDIATION.SYSTEM_ID.eq(systemId))
                .and(status == null ? noCondition() : REMEDIATION.STATUS.eq(status));
    }
}
