package dev.steward.dsr.ui;

import com.vaadin.flow.component.button.Button;
import dev.steward.dsr.fulfilment.DeletionExceptions;
import dev.steward.dsr.fulfilment.ExceptionBasis;
import dev.steward.dsr.fulfilment.FulfilmentTasks;
import dev.steward.dsr.fulfilment.Task;
import dev.steward.dsr.fulfilment.TaskOutcomes;
import dev.steward.dsr.processors.InstructionReminders;
import dev.steward.dsr.processors.InstructionState;
import dev.steward.dsr.processors.ProcessorConfirmations;
import dev.steward.dsr.processors.ProcessorInstructions;
import dev.steward.dsr.requests.RequestTimeline;
import dev.steward.platform.security.Role;
import dev.steward.platform.validation.InvalidInputException;
import dev.steward.testkit.console.ConsoleTestApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;

import java.time.Duration;
import java.time.Instant;

import static dev.steward.dsr.db.Tables.TASK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Chasing processors: reminders with new links, then the request's assignee is told; and who may send, and what. */
@SpringBootTest(classes = ConsoleTestApplication.class)
class ProcessorRemindersUiTest extends ProcessorTestBase {

    private InstructionState state(Task task) {
        return bean(ProcessorInstructions.class).state(task.id()).orElseThrow();
    }

    @Test
    void an_unanswered_instruction_is_reminded_twice_with_new_links_then_escalated_to_the_requests_assignee() throws Exception {
        Task task = instructionTask();
        bean(ProcessorInstructions.class).send(task.id());
        String first = tokenOf(latestLink(1));
        InstructionReminders reminders = bean(InstructionReminders.class);
        Instant sent = state(task).lastSentAt();

        reminders.remindDue(sent.plus(Duration.ofDays(6)));
        assertThat(state(task).reminders()).isZero();

        reminders.remindDue(sent.plus(Duration.ofDays(7)));
        String second = tokenOf(latestLink(2));
        assertThat(state(task).reminders()).isEqualTo(1);
        assertThat(mails().get(1).getSubject()).startsWith("Reminder: Instruction to delete personal data, our reference " + task.requestReference());
        ProcessorConfirmations confirmations = bean(ProcessorConfirmations.class);
        assertThat(confirmations.open(first, "10.4." + suffix).status()).isEqualTo(ProcessorConfirmations.Status.INVALID);
        assertThat(confirmations.open(second, "10.4." + suffix).status()).isEqualTo(ProcessorConfirmations.Status.OPEN);

        loginAs("olivia", Role.PRIVACY_OFFICER);
        reminders.remindDue(sent.plus(Duration.ofDays(13)));
        assertThat(state(task).reminders()).isEqualTo(1);
        reminders.remindDue(sent.plus(Duration.ofDays(14)));
        latestLink(3);
        assertThat(state(task).reminders()).isEqualTo(2);

        reminders.remindDue(sent.plus(Duration.ofDays(21)));
        assertThat(mails()).hasSize(3);
        assertThat(state(task).escalatedAt()).isNotNull();
        assertThat(bean(RequestTimeline.class).of(task.requestId())).extracting(RequestTimeline.Entry::text)
                .contains("Mailer " + suffix + " has not confirmed the deletion after the instruction and 2 reminders: escalated to olivia-" + suffix);
        assertThat(dsl.fetchCount(dsl.selectOne().from("platform.notification")
                .where("kind = 'dsr.processor-unanswered' and recipient = ?", "olivia-" + suffix))).isEqualTo(1);

        reminders.remindDue(sent.plus(Duration.ofDays(60)));
        assertThat(mails()).hasSize(3);
        assertThat(dsl.fetchCount(dsl.selectOne().from("platform.notification")
                .where("kind = 'dsr.processor-unanswered' and recipient = ?", "olivia-" + suffix))).isEqualTo(1);
    }

    @Test
    void a_task_the_team_finished_itself_is_not_chased() {
        Task task = instructionTask();
        bean(ProcessorInstructions.class).send(task.id());
        Task current = bean(FulfilmentTasks.class).find(task.id());
        bean(TaskOutcomes.class).notApplicable(current.id(), current.version(), "Contract ended, data returned");
        bean(InstructionReminders.class).remindDue(Instant.now().plus(Duration.ofDays(8)));
        assertThat(state(task).reminders()).isZero();
        assertThat(mails()).hasSize(1);
    }

    @Test
    void only_the_privacy_team_sends_and_others_are_told_who_can() {
        Task task = instructionTask();
        loginAs("audrey", Role.AUDITOR);
        Button send = (Button) bean(InstructionButton.class).create(task, () -> { }).getChildren()
                .filter(c -> c instanceof Button).findFirst().orElseThrow();
        assertThat(send.isEnabled()).isFalse();
        assertThat(send.getTooltip().getText()).isEqualTo("Only a privacy officer can send instructions to processors");
        assertThatThrownBy(() -> bean(ProcessorInstructions.class).send(task.id())).isInstanceOf(AccessDeniedException.class);
        loginAs("sam", Role.MANAGER);
        assertThatThrownBy(() -> bean(ProcessorInstructions.class).send(task.id())).isInstanceOf(AccessDeniedException.class);
        assertThat(mails()).isEmpty();
    }

    @Test
    void an_instruction_is_refused_without_a_contact_for_our_own_systems_for_finished_tasks_and_when_all_is_kept() {
        Task task = instructionTask();
        ProcessorInstructions instructions = bean(ProcessorInstructions.class);
        Task own = bean(FulfilmentTasks.class).tasksOf(task.requestId()).stream().filter(t -> !t.action().needsConfirmation()).findFirst().orElseThrow();
        assertThatThrownBy(() -> instructions.send(own.id())).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Only an instruction to a processor to delete is mailed");
        assertThatThrownBy(() -> instructions.send(-5)).isInstanceOf(InvalidInputException.class).hasMessageContaining("There is no task -5");

        bean(DeletionExceptions.class).record(task.requestId(), "contact", ExceptionBasis.CCPA_D1, "Needed to finish the order");
        assertThatThrownBy(() -> instructions.send(task.id())).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("kept under a deletion exception");

        dsl.update(TASK).setNull(TASK.CONTACT_EMAIL).where(TASK.ID.eq(task.id())).execute();
        Button send = (Button) bean(InstructionButton.class).create(bean(FulfilmentTasks.class).find(task.id()), () -> { }).getChildren()
                .filter(c -> c instanceof Button).findFirst().orElseThrow();
        assertThat(send.isEnabled()).isFalse();
        assertThat(send.getTooltip().getText()).isEqualTo("The vendor registry names no privacy contact email for Mailer " + suffix);
        assertThatThrownBy(() -> instructions.send(task.id())).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("names no privacy contact email");

        Task current = bean(FulfilmentTasks.class).find(task.id());
        bean(TaskOutcomes.class).notApplicable(current.id(), current.version(), "Told by phone");
        assertThatThrownBy(() -> instructions.send(task.id())).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("already finished");
        assertThat(mails()).isEmpty();
    }
}
