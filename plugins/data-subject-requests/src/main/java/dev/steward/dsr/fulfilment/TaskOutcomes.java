package dev.steward.dsr.fulfilment;

import dev.steward.dsr.DsrPermissions;
import dev.steward.dsr.db.tables.records.TaskRecord;
import dev.steward.dsr.requests.RequestTimeline;
import dev.steward.platform.files.Attachment;
import dev.steward.platform.files.AttachmentService;
import dev.steward.platform.security.CurrentUser;
import dev.steward.platform.validation.Inputs;
import dev.steward.platform.validation.InvalidInputException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** Tasks done (with what was done, evidence and a processor's confirmation) or set aside as not applicable. */
@Service
public class TaskOutcomes {

    private final FulfilmentTasks tasks;
    private final TaskRows rows;
    private final AttachmentService files;
    private final RequestTimeline timeline;

    TaskOutcomes(FulfilmentTasks tasks, TaskRows rows, AttachmentService files, RequestTimeline timeline) {
        this.tasks = tasks;
        this.rows = rows;
        this.files = files;
        this.timeline = timeline;
    }

    /** The assignee (or the privacy team) reports the task done; a processor's instruction needs its confirmation date. */
    @PreAuthorize(DsrPermissions.MAY_DO_TASKS)
    @Transactional
    public Task complete(long taskId, int version, TaskCompletion done) {
        Inputs.present("outcome", done, "Say what was done");
        String outcome = Inputs.required("outcome", done.outcome(), "Say what was done or found", 4000);
        TaskRecord t = tasks.locked(taskId, version, true);
        TaskAction action = TaskAction.valueOf(t.getAction());
        String reference = Inputs.optional("confirmationRef", done.confirmationRef(), 200);
        if (action.needsConfirmation()) {
            LocalDate on = Inputs.present("confirmedOn", done.confirmedOn(), "Give the date the processor confirmed " + action.confirmedWhat());
            if (on.isAfter(LocalDate.now(ZoneOffset.UTC).plusDays(1))) {
                throw new InvalidInputException("confirmedOn", "The confirmation cannot be dated in the future");
            }
            if (on.isBefore(t.getCreatedAt().atZone(ZoneOffset.UTC).toLocalDate().minusDays(1))) {
                throw new InvalidInputException("confirmedOn", "The confirmation cannot be older than the instruction");
            }
            t.setConfirmedOn(on);
            t.setConfirmationRef(reference);
        } else if (done.confirmedOn() != null || reference != null) {
            throw new InvalidInputException("confirmedOn", "Only a processor's instruction has a confirmation");
        }
        if (done.evidence() != null) {
            t.setEvidenceFileId(store(t, done.evidence()).id());
        }
        finish(t, version, TaskStatus.DONE, outcome);
        timeline.record(t.getRequestId(), action.needsConfirmation() ? RequestTimeline.Kind.PROCESSOR : RequestTimeline.Kind.TASK,
                FulfilmentTasks.describe(t) + ": done" + (t.getConfirmedOn() == null ? "" : ", confirmed " + t.getConfirmedOn())
                        + (t.getEvidenceFileId() == null ? "" : ", with evidence"), reference == null ? null : "reference " + reference);
        return rows.find(taskId).orElseThrow();
    }

    /** The holder turned out not to hold the requester's data, or the task does not apply: with the reason. */
    @PreAuthorize(DsrPermissions.MAY_DO_TASKS)
    @Transactional
    public Task notApplicable(long taskId, int version, String reason) {
        String why = Inputs.required("reason", reason, "Say why the task does not apply", 4000);
        TaskRecord t = tasks.locked(taskId, version, true);
        finish(t, version, TaskStatus.NOT_APPLICABLE, why);
        timeline.record(t.getRequestId(), RequestTimeline.Kind.TASK, FulfilmentTasks.describe(t) + ": not applicable", why);
        return rows.find(taskId).orElseThrow();
    }

    private void finish(TaskRecord t, int version, TaskStatus status, String outcome) {
        t.setStatus(status.name());
        t.setOutcome(outcome);
        t.setCompletedBy(CurrentUser.username().orElse("system"));
        t.setCompletedAt(Instant.now());
        t.setVersion(version + 1);
        t.store();
    }

    private Attachment store(TaskRecord t, dev.steward.platform.files.UploadedFile file) {
        try (InputStream in = file.open()) {
            return files.upload(TaskFiles.task(t.getId()), file.fileName(), in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
