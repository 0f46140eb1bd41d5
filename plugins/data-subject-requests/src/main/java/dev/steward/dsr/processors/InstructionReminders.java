package dev.steward.dsr.processors;

import dev.steward.dsr.DsrPermissions;
import dev.steward.dsr.db.tables.records.ProcessorInstructionRecord;
import dev.steward.dsr.db.tables.records.TaskRecord;
import dev.steward.dsr.fulfilment.TaskStatus;
import dev.steward.dsr.requests.RequestTimeline;
import dev.steward.platform.notifications.Notification;
import dev.steward.platform.notifications.NotificationService;
import org.jooq.DSLContext;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static dev.steward.dsr.db.Tables.PROCESSOR_INSTRUCTION;
import static dev.steward.dsr.db.Tables.REQUEST;
import static dev.steward.dsr.db.Tables.TASK;

/**
 * Chasing processors so that the team does not: an instruction unanswered for {@link #REMIND_AFTER} is sent again
 * with a new link, at most {@link #MAX_REMINDERS} times; unanswered after that, it goes to the request's assignee
 * (the task's when the request has none) as a timeline entry and a notification.
 */
@Service
public class InstructionReminders {

    /**
     * A week: processors' contracts commonly give them some working days to act on an instruction, and the shortest
     * clock we answer under (CCPA's 45 days, GDPR's month) leaves room for two reminders and the escalation (day 21).
     */
    static final Duration REMIND_AFTER = Duration.ofDays(7);
    static final int MAX_REMINDERS = 2;
    static final String ESCALATED_KIND = "dsr.processor-unanswered";

    public record Run(int reminded, int escalated, int failed) {
    }

    private final DSLContext dsl;
    private final InstructionSender sender;
    private final RequestTimeline timeline;
    private final NotificationService notifications;
    private final TransactionTemplate transactions;

    InstructionReminders(DSLContext dsl, InstructionSender sender, RequestTimeline timeline, NotificationService notifications,
                         PlatformTransactionManager transactions) {
        this.dsl = dsl;
        this.sender = sender;
        this.timeline = timeline;
        this.notifications = notifications;
        this.transactions = new TransactionTemplate(transactions);
    }

    /** Reminds or escalates every instruction due at {@code now}; each in its own transaction, so one refused mail stops no other. */
    @PreAuthorize(DsrPermissions.MAY_WORK)
    public Run remindDue(Instant now) {
        List<Long> due = dsl.select(PROCESSOR_INSTRUCTION.ID).from(PROCESSOR_INSTRUCTION).join(TASK).on(TASK.ID.eq(PROCESSOR_INSTRUCTION.TASK_ID))
                .where(PROCESSOR_INSTRUCTION.ANSWER.isNull(), PROCESSOR_INSTRUCTION.ESCALATED_AT.isNull(),
                        PROCESSOR_INSTRUCTION.LAST_SENT_AT.le(now.minus(REMIND_AFTER)), TASK.STATUS.eq(TaskStatus.OPEN.name()))
                .orderBy(PROCESSOR_INSTRUCTION.LAST_SENT_AT).fetch(PROCESSOR_INSTRUCTION.ID);
        int reminded = 0;
        int escalated = 0;
        int failed = 0;
        for (long id : due) {
            Step step = transactions.execute(status -> {
                Step s = step(id, now);
                if (s == Step.FAILED) {
                    status.setRollbackOnly();
                }
                return s;
            });
            switch (step) {
                case REMINDED -> reminded++;
                case ESCALATED -> escalated++;
                case FAILED -> failed++;
                case NONE -> { }
            }
        }
        return new Run(reminded, escalated, failed);
    }

    private enum Step { REMINDED, ESCALATED, FAILED, NONE }

    private Step step(long id, Instant now) {
        ProcessorInstructionRecord instruction = dsl.selectFrom(PROCESSOR_INSTRUCTION).where(PROCESSOR_INSTRUCTION.ID.eq(id)).forUpdate().skipLocked().fetchOne();
        if (instruction == null || instruction.getAnswer() != null || instruction.getEscalatedAt() != null) {
            return Step.NONE;
        }
        TaskRecord task = dsl.selectFrom(TASK).where(TASK.ID.eq(instruction.getTaskId())).forUpdate().fetchSingle();
        if (!TaskStatus.OPEN.name().equals(task.getStatus())) {
            return Step.NONE;
        }
        if (instruction.getReminders() < MAX_REMINDERS) {
            List<String> categories = sender.categoriesToDelete(task);
            if (categories == null) {
                return Step.NONE; // everything is now kept under exceptions: nothing left to chase
            }
            return sender.send(task, instruction, categories, instruction.getReminders() + 1, now) ? Step.REMINDED : Step.FAILED;
        }
        escalate(instruction, task, now);
        return Step.ESCALATED;
    }

    private void escalate(ProcessorInstructionRecord instruction, TaskRecord task, Instant now) {
        instruction.setEscalatedAt(now);
        instruction.setVersion(instruction.getVersion() + 1);
        instruction.store();
        var request = dsl.select(REQUEST.REFERENCE, REQUEST.ASSIGNEE).from(REQUEST).where(REQUEST.ID.eq(task.getRequestId())).fetchSingle();
        String to = request.get(REQUEST.ASSIGNEE) != null ? request.get(REQUEST.ASSIGNEE) : task.getAssignee();
        String text = task.getHolderName() + " has not confirmed the deletion after the instruction and " + MAX_REMINDERS
                + " reminders: escalated to " + (to == null ? "nobody (the request has no assignee)" : to);
        timeline.record(task.getRequestId(), RequestTimeline.Kind.PROCESSOR, text);
        if (to != null) {
            notifications.send(new Notification(dev.steward.dsr.DsrPermissions.PLUGIN_ID, ESCALATED_KIND, to,
                    "Processor has not confirmed a deletion: " + request.get(REQUEST.REFERENCE),
                    task.getHolderName() + " (" + instruction.getSentTo() + ") did not answer our instruction to delete or the "
                            + MAX_REMINDERS + " reminders. Contact them another way, then report the task.",
                    "requests/" + task.getRequestId(), Map.of("reference", request.get(REQUEST.REFERENCE), "processor", task.getHolderName())));
        }
    }
}
