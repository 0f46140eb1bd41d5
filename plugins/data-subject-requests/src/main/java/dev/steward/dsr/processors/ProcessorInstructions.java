package dev.steward.dsr.processors;

import dev.steward.dsr.DsrPermissions;
import dev.steward.dsr.db.tables.records.ProcessorInstructionRecord;
import dev.steward.dsr.db.tables.records.TaskRecord;
import dev.steward.dsr.fulfilment.TaskAction;
import dev.steward.dsr.fulfilment.TaskStatus;
import dev.steward.platform.validation.InvalidInputException;
import org.jooq.DSLContext;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static dev.steward.dsr.db.Tables.PROCESSOR_INSTRUCTION;
import static dev.steward.dsr.db.Tables.TASK;

/**
 * Instructions to processors and sub-processors to delete, sent by the team from a task (not by themselves when the
 * task is made: the team first records the deletion exceptions, and the instruction names only what is to go).
 * Sending again replaces the earlier link; the processor answers on the public confirmation page.
 */
@Service
public class ProcessorInstructions {

    private final DSLContext dsl;
    private final InstructionSender sender;

    ProcessorInstructions(DSLContext dsl, InstructionSender sender) {
        this.dsl = dsl;
        this.sender = sender;
    }

    /** Mails the instruction (or, when one went already, a new one whose link replaces the earlier). */
    @PreAuthorize(DsrPermissions.MAY_WORK)
    @Transactional
    public InstructionState send(long taskId) {
        TaskRecord task = dsl.selectFrom(TASK).where(TASK.ID.eq(taskId)).forUpdate().fetchOptional()
                .orElseThrow(() -> new InvalidInputException("task", "There is no task " + taskId));
        String problem = whyNot(task);
        if (problem != null) {
            throw new InvalidInputException("task", problem);
        }
        List<String> categories = sender.categoriesToDelete(task);
        if (categories == null) {
            throw new InvalidInputException("task", "Every category this processor holds is kept under a deletion exception: "
                    + "set the task aside instead");
        }
        ProcessorInstructionRecord existing = dsl.selectFrom(PROCESSOR_INSTRUCTION).where(PROCESSOR_INSTRUCTION.TASK_ID.eq(taskId))
                .forUpdate().fetchOne();
        if (!sender.send(task, existing, categories, 0, Instant.now())) {
            throw new InvalidInputException("task", "The mail to " + task.getContactEmail() + " could not be sent just now; "
                    + "nothing was recorded. Try again later, or instruct the processor another way and report the task");
        }
        return state(taskId).orElseThrow();
    }

    /** Why the task's instruction cannot be mailed, or null when it can (the Fulfilment tab says it on the button). */
    static String whyNot(TaskRecord task) {
        if (!TaskAction.INSTRUCT_DELETE.name().equals(task.getAction())) {
            return "Only an instruction to a processor to delete is mailed";
        }
        if (!TaskStatus.OPEN.name().equals(task.getStatus())) {
            return "This task is already finished";
        }
        if (task.getContactEmail() == null || task.getContactEmail().isBlank()) {
            return "The vendor registry names no privacy contact email for " + task.getHolderName();
        }
        return null;
    }

    /** The instructions of a request's tasks, by task id. */
    @PreAuthorize(DsrPermissions.MAY_READ)
    @Transactional(readOnly = true)
    public Map<Long, InstructionState> statesOf(long requestId) {
        return dsl.selectFrom(PROCESSOR_INSTRUCTION).where(PROCESSOR_INSTRUCTION.REQUEST_ID.eq(requestId))
                .fetch(ProcessorInstructions::toState).stream().collect(Collectors.toMap(InstructionState::taskId, s -> s));
    }

    @PreAuthorize(DsrPermissions.MAY_READ)
    @Transactional(readOnly = true)
    public java.util.Optional<InstructionState> state(long taskId) {
        return dsl.selectFrom(PROCESSOR_INSTRUCTION).where(PROCESSOR_INSTRUCTION.TASK_ID.eq(taskId)).fetchOptional(ProcessorInstructions::toState);
    }

    static InstructionState toState(ProcessorInstructionRecord r) {
        return new InstructionState(r.getTaskId(), r.getSentTo(), r.getFirstSentAt(), r.getLastSentAt(), r.getReminders(),
                r.getEscalatedAt(), r.getAnswer() == null ? null : AnswerKind.valueOf(r.getAnswer()), r.getAnsweredAt(), r.getAnswerNote());
    }
}
