package dev.steward.dsr.processors;

import dev.steward.dsr.DsrPermissions;
import dev.steward.dsr.db.tables.records.ProcessorInstructionRecord;
import dev.steward.dsr.db.tables.records.TaskRecord;
import dev.steward.dsr.fulfilment.TaskCompletion;
import dev.steward.dsr.fulfilment.TaskOutcomes;
import dev.steward.dsr.fulfilment.TaskStatus;
import dev.steward.dsr.requests.RequestTimeline;
import dev.steward.platform.notifications.Notification;
import dev.steward.platform.notifications.NotificationService;
import dev.steward.platform.validation.Inputs;
import dev.steward.platform.validation.InvalidInputException;
import org.jooq.DSLContext;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static dev.steward.dsr.db.Tables.PROCESSOR_INSTRUCTION;
import static dev.steward.dsr.db.Tables.REQUEST;
import static dev.steward.dsr.db.Tables.TASK;

/**
 * The public confirmation page's service: a processor's contact, without signing in, reads what we asked through the
 * link's one-time token and answers. It shows the request's reference, the holder, the categories and the due date,
 * never the requester. The answer completes the task (like the team's report of a confirmation) under
 * {@link ConfirmationAuthority}; the token then works no more.
 */
@Service
public class ProcessorConfirmations {

    /** Why the page shows no form. */
    public enum Status { OPEN, INVALID, EXPIRED, USED, TOO_MANY, ANSWERED }

    /** What the page shows; the fields other than status are null unless OPEN. */
    public record Page(Status status, String reference, String holderName, List<String> categories, LocalDate dueOn) {

        static Page of(Status status) {
            return new Page(status, null, null, null, null);
        }
    }

    private final DSLContext dsl;
    private final ConfirmationThrottle throttle;
    private final TaskOutcomes outcomes;
    private final RequestTimeline timeline;
    private final NotificationService notifications;
    private final TransactionTemplate transactions;

    ProcessorConfirmations(DSLContext dsl, ConfirmationThrottle throttle, TaskOutcomes outcomes, RequestTimeline timeline,
                           NotificationService notifications, PlatformTransactionManager transactions) {
        this.dsl = dsl;
        this.throttle = throttle;
        this.outcomes = outcomes;
        this.timeline = timeline;
        this.notifications = notifications;
        this.transactions = new TransactionTemplate(transactions);
    }

    /** Nothing to do: the platform refuses this call, like every other, while the plugin is disabled (the page asks). */
    @PreAuthorize(DsrPermissions.ANYONE)
    public void available() {
    }

    @PreAuthorize(DsrPermissions.ANYONE)
    public Page open(String token, String clientAddress) {
        Instant now = Instant.now();
        if (throttle.held(clientAddress, now)) {
            return Page.of(Status.TOO_MANY);
        }
        return transactions.execute(tx -> {
            Found found = find(token, now, false);
            if (found.status == Status.INVALID) {
                throttle.count(clientAddress, now);
            }
            if (found.status != Status.OPEN) {
                return Page.of(found.status);
            }
            String reference = dsl.select(REQUEST.REFERENCE).from(REQUEST).where(REQUEST.ID.eq(found.task.getRequestId())).fetchSingle(REQUEST.REFERENCE);
            List<String> categories = found.instruction.getCategories().isBlank() ? List.of()
                    : Arrays.stream(found.instruction.getCategories().split(", ")).toList();
            return new Page(Status.OPEN, reference, found.task.getHolderName(), categories,
                    found.task.getDueAt() == null ? null : found.task.getDueAt().atZone(ZoneOffset.UTC).toLocalDate());
        });
    }

    /**
     * Records the processor's answer. Bad fields are refused (field names as on the page: kind, confirmedOn,
     * reference, note) and leave the token usable; a good answer uses it up.
     */
    @PreAuthorize(DsrPermissions.ANYONE)
    public Status answer(String token, ProcessorAnswer answer, String clientAddress) {
        Instant now = Instant.now();
        if (throttle.held(clientAddress, now)) {
            return Status.TOO_MANY;
        }
        throttle.count(clientAddress, now);
        Inputs.present("kind", answer == null ? null : answer.kind(), "Choose your answer");
        String reference = Inputs.optional("reference", answer.reference(), 200);
        String note = answer.kind() == AnswerKind.CANNOT_DELETE
                ? Inputs.required("note", answer.note(), "Say why you cannot delete the data", 2000)
                : Inputs.optional("note", answer.note(), 2000);
        if (answer.kind() == AnswerKind.DELETED) {
            Inputs.present("confirmedOn", answer.deletedOn(), "Give the date the data was deleted");
        }
        return transactions.execute(tx -> {
            Found found = find(token, now, true);
            if (found.status != Status.OPEN) {
                return found.status;
            }
            ConfirmationAuthority.asConfirmationPage(clientAddress, () -> record(found, answer.kind(), answer.deletedOn(), reference, note, now));
            return Status.ANSWERED;
        });
    }

    private Void record(Found found, AnswerKind kind, LocalDate deletedOn, String reference, String note, Instant now) {
        TaskRecord task = found.task;
        String by = task.getHolderName() + " (through the confirmation page)";
        switch (kind) {
            case DELETED -> outcomes.complete(task.getId(), task.getVersion(), TaskCompletion.confirmed(
                    "Deleted on " + deletedOn + ", confirmed by " + by + (note == null ? "" : ": " + note), deletedOn, reference));
            case NO_DATA -> outcomes.complete(task.getId(), task.getVersion(), TaskCompletion.confirmed(
                    "No such data held, confirmed by " + by + (note == null ? "" : ": " + note),
                    now.atZone(ZoneOffset.UTC).toLocalDate(), reference));
            case CANNOT_DELETE -> cannotDelete(found, reference, note);
        }
        ProcessorInstructionRecord instruction = found.instruction;
        instruction.setAnswer(kind.name());
        instruction.setAnswerRef(reference);
        instruction.setAnswerNote(note);
        instruction.setAnsweredAt(now);
        instruction.setVersion(instruction.getVersion() + 1);
        instruction.store();
        return null;
    }

    /** The task stays open: the team records an exception, presses the processor, or sets the task aside. */
    private void cannotDelete(Found found, String reference, String reason) {
        TaskRecord task = found.task;
        timeline.record(task.getRequestId(), RequestTimeline.Kind.PROCESSOR, task.getHolderName() + " answered it cannot delete"
                + (reference == null ? "" : " (reference " + reference + ")"), reason);
        var request = dsl.select(REQUEST.REFERENCE, REQUEST.ASSIGNEE).from(REQUEST).where(REQUEST.ID.eq(task.getRequestId())).fetchSingle();
        String to = request.get(REQUEST.ASSIGNEE) != null ? request.get(REQUEST.ASSIGNEE) : task.getAssignee();
        if (to != null) {
            notifications.send(new Notification(DsrPermissions.PLUGIN_ID, "dsr.processor-cannot-delete", to,
                    "Processor cannot delete: " + request.get(REQUEST.REFERENCE),
                    task.getHolderName() + " answered our instruction that it cannot delete the data. Record a deletion exception, "
                            + "press the processor, or set the task aside.", "requests/" + task.getRequestId(),
                    Map.of("reference", request.get(REQUEST.REFERENCE), "processor", task.getHolderName())));
        }
    }

    private record Found(Status status, ProcessorInstructionRecord instruction, TaskRecord task) {
    }

    private Found find(String token, Instant now, boolean lock) {
        String hash = InstructionTokens.hash(token);
        if (hash == null) {
            return new Found(Status.INVALID, null, null);
        }
        var select = dsl.selectFrom(PROCESSOR_INSTRUCTION).where(PROCESSOR_INSTRUCTION.TOKEN_HASH.eq(hash));
        ProcessorInstructionRecord instruction = lock ? select.forUpdate().fetchOne() : select.fetchOne();
        if (instruction == null) {
            return new Found(Status.INVALID, null, null);
        }
        TaskRecord task = dsl.selectFrom(TASK).where(TASK.ID.eq(instruction.getTaskId())).fetchSingle();
        if (instruction.getAnswer() != null || !TaskStatus.OPEN.name().equals(task.getStatus())) {
            return new Found(Status.USED, instruction, task);
        }
        if (!instruction.getExpiresAt().isAfter(now)) {
            return new Found(Status.EXPIRED, instruction, task);
        }
        return new Found(Status.OPEN, instruction, task);
    }
}
