package dev.steward.dsr.ui;

import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import dev.steward.dsr.fulfilment.FulfilmentTasks;
import dev.steward.dsr.fulfilment.Task;
import dev.steward.dsr.fulfilment.TaskStatus;
import dev.steward.dsr.processors.AnswerKind;
import dev.steward.dsr.processors.ProcessorAnswer;
import dev.steward.dsr.processors.ProcessorConfirmations;
import dev.steward.dsr.processors.ProcessorInstructions;
import dev.steward.dsr.requests.RequestTimeline;
import dev.steward.platform.security.Role;
import dev.steward.testkit.console.ConsoleTestApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.stream.Collectors;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static dev.steward.dsr.db.Tables.PROCESSOR_INSTRUCTION;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The instruction to delete as the processor receives it: mailed from the Fulfilment tab with a link to the public
 * confirmation page, where the processor's contact confirms without signing in and the task is done.
 */
@SpringBootTest(classes = ConsoleTestApplication.class)
class ProcessorConfirmationPageUiTest extends ProcessorTestBase {

    private ProcessorConfirmationView visit(String link) {
        logout();
        UI.getCurrent().navigate(link.substring(link.indexOf("processor-confirmation")));
        ProcessorConfirmationView page = _get(ProcessorConfirmationView.class);
        return page;
    }

    private void sendFromTheTab(Task task) {
        var part = bean(InstructionButton.class).create(task, () -> { });
        Button send = (Button) part.getChildren().filter(c -> c instanceof Button).findFirst().orElseThrow();
        assertThat(send.getText()).isEqualTo("Send instruction");
        assertThat(send.isEnabled()).isTrue();
        send.click();
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));
    }

    @Test
    void the_processor_confirms_the_deletion_through_the_mailed_link_and_the_task_is_done() {
        Task task = instructionTask();
        sendFromTheTab(task);

        String link = latestLink(1);
        assertThat(link).startsWith("http://localhost:8080/processor-confirmation/");
        String mail = body(0);
        assertThat(mail).contains(task.requestReference(), "1798.105(c)(1)", "Mailer " + suffix, requesterEmail)
                .containsPattern("by \\d{4}-\\d{2}-\\d{2}");
        assertThat(dsl.fetchExists(PROCESSOR_INSTRUCTION, PROCESSOR_INSTRUCTION.TOKEN_HASH.contains(tokenOf(link)))).isFalse();
        assertThat(bean(ProcessorInstructions.class).state(task.id()).orElseThrow().summary(Instant::toString)).startsWith("Sent ");

        ProcessorConfirmationView page = visit(link);
        page.clientAddress = "10.1." + suffix;
        assertThat(page.details.isVisible()).isTrue();
        assertThat(page.asked.getText()).contains(task.requestReference(), "Mailer " + suffix).doesNotContain("Rosa", requesterEmail);
        assertThat(page.categories.getElement().getTextRecursively()).isNotBlank();
        assertThat(page.getElement().getOuterHTML()).doesNotContain("Rosa", requesterEmail, tokenOf(link));

        setValue(page.kind, AnswerKind.DELETED);
        setValue(page.confirmedOn, LocalDate.now());
        setValue(page.reference, "TCK-" + suffix);
        page.send.click();
        assertThat(page.message.getText()).isEqualTo(ProcessorConfirmationView.THANKS);

        loginAs("olivia", Role.PRIVACY_OFFICER);
        Task done = bean(FulfilmentTasks.class).find(task.id());
        assertThat(done.status()).isEqualTo(TaskStatus.DONE);
        assertThat(done.confirmedOn()).isEqualTo(LocalDate.now());
        assertThat(done.confirmationRef()).isEqualTo("TCK-" + suffix);
        assertThat(done.completedBy()).isEqualTo("processor:confirmation-page");
        assertThat(bean(RequestTimeline.class).of(task.requestId()).stream().filter(e -> e.kind() == RequestTimeline.Kind.PROCESSOR)
                .map(RequestTimeline.Entry::text).collect(Collectors.joining("\n")))
                .contains("Instruction to delete sent to Mailer " + suffix + " (" + vendor + ")", "done, confirmed " + LocalDate.now());

        ProcessorConfirmationView again = visit(link);
        assertThat(again.details.isVisible()).isFalse();
        assertThat(again.message.getText()).isEqualTo(ProcessorConfirmationView.USED);
    }

    @Test
    void garbage_unknown_and_expired_links_get_a_clear_page_and_no_form() {
        Task task = instructionTask();
        bean(ProcessorInstructions.class).send(task.id());
        String link = latestLink(1);

        for (String bad : new String[] {"processor-confirmation/not-a-token", "processor-confirmation",
                "processor-confirmation/" + "A".repeat(43), "processor-confirmation/%3Cscript%3E"}) {
            ProcessorConfirmationView page = visit(bad);
            assertThat(page.details.isVisible()).as(bad).isFalse();
            assertThat(page.message.getText()).as(bad).isEqualTo(ProcessorConfirmationView.INVALID);
        }

        dsl.update(PROCESSOR_INSTRUCTION).set(PROCESSOR_INSTRUCTION.EXPIRES_AT, Instant.now().minusSeconds(1))
                .where(PROCESSOR_INSTRUCTION.TASK_ID.eq(task.id())).execute();
        ProcessorConfirmationView expired = visit(link);
        assertThat(expired.details.isVisible()).isFalse();
        assertThat(expired.message.getText()).isEqualTo(ProcessorConfirmationView.EXPIRED);
    }

    @Test
    void bad_answers_are_refused_at_their_field_and_leave_the_link_usable() {
        Task task = instructionTask();
        bean(ProcessorInstructions.class).send(task.id());
        ProcessorConfirmationView page = visit(latestLink(1));
        page.clientAddress = "10.2." + suffix;

        setValue(page.kind, AnswerKind.DELETED);
        page.confirmedOn.clear();
        page.send.click();
        assertThat(page.confirmedOn.isInvalid()).isTrue();
        setValue(page.confirmedOn, LocalDate.now().plusDays(5));
        page.send.click();
        assertThat(page.confirmedOn.getErrorMessage()).isEqualTo("The confirmation cannot be dated in the future");
        setValue(page.kind, AnswerKind.CANNOT_DELETE);
        page.send.click();
        assertThat(page.note.isInvalid()).isTrue();
        assertThat(page.note.getErrorMessage()).isEqualTo("Say why you cannot delete the data");
        setValue(page.reference, "x".repeat(201));
        setValue(page.note, "Legal hold until 2027");
        page.send.click();
        assertThat(page.reference.isInvalid()).isTrue();

        setValue(page.reference, "CASE-" + suffix);
        page.send.click();
        assertThat(page.message.getText()).isEqualTo(ProcessorConfirmationView.THANKS);
        loginAs("olivia", Role.PRIVACY_OFFICER);
        assertThat(bean(FulfilmentTasks.class).find(task.id()).status()).as("a refusal is for the team to settle").isEqualTo(TaskStatus.OPEN);
        assertThat(bean(ProcessorInstructions.class).state(task.id()).orElseThrow().answer()).isEqualTo(AnswerKind.CANNOT_DELETE);
        assertThat(dsl.fetchCount(dsl.selectOne().from("platform.notification")
                .where("kind = 'dsr.processor-cannot-delete' and recipient = ?", "olivia-" + suffix))).isEqualTo(1);
    }

    @Test
    void a_processor_holding_no_such_data_says_so_and_the_task_is_done() {
        Task task = instructionTask();
        bean(ProcessorInstructions.class).send(task.id());
        ProcessorConfirmationView page = visit(latestLink(1));
        page.clientAddress = "10.3." + suffix;
        setValue(page.kind, AnswerKind.NO_DATA);
        page.send.click();
        assertThat(page.message.getText()).isEqualTo(ProcessorConfirmationView.THANKS);
        loginAs("olivia", Role.PRIVACY_OFFICER);
        assertThat(bean(FulfilmentTasks.class).find(task.id()).outcome()).startsWith("No such data held, confirmed by Mailer " + suffix);
    }

    @Test
    void one_client_address_trying_link_after_link_is_held_back_while_others_go_on() {
        Task task = instructionTask();
        bean(ProcessorInstructions.class).send(task.id());
        String token = tokenOf(latestLink(1));
        ProcessorConfirmations confirmations = bean(ProcessorConfirmations.class);
        String flooder = "10.9." + suffix;
        for (int i = 0; i < 30; i++) {
            assertThat(confirmations.open("C".repeat(42) + (char) ('a' + i % 26), flooder).status()).isEqualTo(ProcessorConfirmations.Status.INVALID);
        }
        assertThat(confirmations.open(token, flooder).status()).isEqualTo(ProcessorConfirmations.Status.TOO_MANY);
        assertThat(confirmations.answer(token, new ProcessorAnswer(AnswerKind.NO_DATA, null, null, null), flooder))
                .isEqualTo(ProcessorConfirmations.Status.TOO_MANY);
        assertThat(confirmations.open(token, "10.8." + suffix).status()).isEqualTo(ProcessorConfirmations.Status.OPEN);
    }

    @Test
    void the_page_is_closed_while_the_plugin_is_disabled() {
        Task task = instructionTask();
        bean(ProcessorInstructions.class).send(task.id());
        String link = latestLink(1);
        registry.setEnabled(dev.steward.dsr.DsrPermissions.PLUGIN_ID, false, "test");
        try {
            ProcessorConfirmationView page = visit(link);
            assertThat(page.message.getText()).isEqualTo(ProcessorConfirmationView.UNAVAILABLE);
            assertThat(page.details.isVisible()).isFalse();
        } finally {
            registry.setEnabled(dev.steward.dsr.DsrPermissions.PLUGIN_ID, true, "test");
        }
    }
}
