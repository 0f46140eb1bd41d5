package dev.steward.vendors.tasks;

import dev.steward.platform.security.CurrentUser;
import dev.steward.vendors.VendorAccess;
import dev.steward.vendors.VendorPermissions;
import dev.steward.vendors.db.tables.records.ReassessmentTaskRecord;
import org.jooq.DSLContext;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static dev.steward.vendors.db.Tables.REASSESSMENT_TASK;

/** Reassessment tasks of vendors: opened once per expiry by {@code ExpiryWatch}, closed by the next assessment. */
@Service
public class ReassessmentTasks {

    /** How long the vendor's owner has to reassess after an expiry. */
    public static final int DAYS_TO_REASSESS = 30;

    private final DSLContext dsl;
    private final VendorAccess access;

    ReassessmentTasks(DSLContext dsl, VendorAccess access) {
        this.dsl = dsl;
        this.access = access;
    }

    @PreAuthorize(VendorPermissions.MAY_READ)
    @Transactional(readOnly = true)
    public List<ReassessmentTask> ofVendor(long vendorId) {
        access.requireRead(vendorId);
        return dsl.selectFrom(REASSESSMENT_TASK).where(REASSESSMENT_TASK.VENDOR_ID.eq(vendorId))
                .orderBy(REASSESSMENT_TASK.DONE_AT.isNull().desc(), REASSESSMENT_TASK.CREATED_AT.desc()).fetch(ReassessmentTasks::toTask);
    }

    /** Opens the task unless one was opened for this trigger before; returns the new task. Internal: the caller is a job. */
    @PreAuthorize(VendorPermissions.MAY_EDIT_EVERY_VENDOR)
    public Optional<ReassessmentTask> openOnce(long vendorId, String triggerKey, String reason, LocalDate today) {
        if (dsl.fetchExists(REASSESSMENT_TASK, REASSESSMENT_TASK.TRIGGER_KEY.eq(triggerKey))) {
            return Optional.empty();
        }
        ReassessmentTaskRecord r = dsl.newRecord(REASSESSMENT_TASK);
        r.setVendorId(vendorId);
        r.setTriggerKey(triggerKey);
        r.setReason(reason.length() > 500 ? reason.substring(0, 497) + "..." : reason);
        r.setCreatedAt(Instant.now());
        r.setDueOn(today.plusDays(DAYS_TO_REASSESS));
        r.setVersion(0);
        r.store();
        return Optional.of(toTask(r));
    }

    /** Marks the vendor's open tasks done; called by an assessment in its transaction. */
    @PreAuthorize(VendorPermissions.MAY_EDIT_EVERY_VENDOR)
    public void closeOpenTasks(long vendorId) {
        dsl.selectFrom(REASSESSMENT_TASK).where(REASSESSMENT_TASK.VENDOR_ID.eq(vendorId).and(REASSESSMENT_TASK.DONE_AT.isNull())).fetch()
                .forEach(r -> {
                    r.setDoneAt(Instant.now());
                    r.setDoneBy(CurrentUser.username().orElse("system"));
                    r.setVersion(r.getVersion() + 1);
                    r.store();
                });
    }

    static ReassessmentTask toTask(ReassessmentTaskRecord r) {
        return new ReassessmentTask(r.getId(), r.getVendorId(), r.getReason(), r.getCreatedAt(), r.getDueOn(),
                r.getDoneAt(), r.getDoneBy());
    }
}
