package dev.steward.dsr.fulfilment;

import dev.steward.dsr.DsrPermissions;
import dev.steward.dsr.records.RequesterDataPurge;
import dev.steward.platform.files.Attachment;
import dev.steward.platform.files.AttachmentService;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

import static dev.steward.dsr.db.Tables.DELETION_EXCEPTION;
import static dev.steward.dsr.db.Tables.TASK;

/**
 * At the end of a request's retention: the tasks keep what was done where and when, not the words written about the
 * requester (outcomes, processors' references) nor the evidence files; deletion exceptions keep category and basis,
 * not the reason's words. The response files are the request's own and go with them.
 */
@Component
class FulfilmentPurge implements RequesterDataPurge {

    static final String REMOVED = "(removed at the end of retention)";

    private final DSLContext dsl;
    private final AttachmentService files;

    FulfilmentPurge(DSLContext dsl, AttachmentService files) {
        this.dsl = dsl;
        this.files = files;
    }

    @Override
    @PreAuthorize(DsrPermissions.MAY_ADMIN)
    public String purge(long requestId) {
        List<String> removed = new ArrayList<>();
        int evidence = 0;
        for (Long taskId : dsl.select(TASK.ID).from(TASK).where(TASK.REQUEST_ID.eq(requestId)).fetch(TASK.ID)) {
            for (Attachment file : files.list(TaskFiles.task(taskId), false)) {
                files.delete(file.id(), "Retention of the request's task evidence ended");
                evidence++;
            }
        }
        int outcomes = dsl.update(TASK)
                .set(TASK.OUTCOME, DSL.when(TASK.OUTCOME.isNotNull(), DSL.inline(REMOVED)))
                .set(TASK.CONFIRMATION_REF, DSL.when(TASK.CONFIRMATION_REF.isNotNull(), DSL.inline(REMOVED)))
                .where(TASK.REQUEST_ID.eq(requestId).and(TASK.OUTCOME.isNotNull().or(TASK.CONFIRMATION_REF.isNotNull()))).execute();
        int reasons = dsl.update(DELETION_EXCEPTION).set(DELETION_EXCEPTION.REASON, DSL.inline(REMOVED))
                .where(DELETION_EXCEPTION.REQUEST_ID.eq(requestId)).execute();
        if (outcomes > 0) {
            removed.add(outcomes + " task outcome(s)");
        }
        if (evidence > 0) {
            removed.add(evidence + " task evidence file(s)");
        }
        if (reasons > 0) {
            removed.add(reasons + " deletion exception reason(s)");
        }
        return String.join(", ", removed);
    }
}
