package dev.steward.dsr.ui;

import com.github.mvysny.kaributesting.v10.ComboBoxKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.UI;
import dev.steward.dsr.fulfilment.FulfilmentTasks;
import dev.steward.dsr.fulfilment.FulfilmentUiFixtures;
import dev.steward.dsr.fulfilment.Responses;
import dev.steward.dsr.fulfilment.SendMethod;
import dev.steward.dsr.fulfilment.TaskCompletion;
import dev.steward.dsr.fulfilment.TaskOutcomes;
import dev.steward.dsr.requests.Outcome;
import dev.steward.dsr.requests.RequestForm;
import dev.steward.dsr.requests.RequestType;
import dev.steward.dsr.requests.Requester;
import dev.steward.dsr.requests.RightsRequest;
import dev.steward.dsr.requests.RightsRequests;
import dev.steward.platform.plugin.ExtensionRegistry;
import dev.steward.platform.security.Role;
import dev.steward.platform.security.UserAccountService;
import dev.steward.testkit.console.ConsoleTestApplication;
import dev.steward.testkit.console.KaribuTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Fulfilment tab of a request: its tasks, the response held back while tasks are open, and who can act. */
@SpringBootTest(classes = ConsoleTestApplication.class)
class FulfilmentTabUiTest extends KaribuTest {

    @Autowired
    ExtensionRegistry registry;

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void forgetHolders() {
        FulfilmentUiFixtures.clear();
    }

    private <T> T bean(Class<T> type) {
        return registry.contextOf("dsr").orElseThrow().getBean(type);
    }

    private RightsRequest deletionWithTasks() {
        loginAs("olivia", Role.PRIVACY_OFFICER);
        FulfilmentUiFixtures.systemAndProcessor(suffix);
        RightsRequest request = bean(RightsRequests.class).open(RequestForm.byEmail(
                Requester.named("Rosa Diaz " + suffix, "rosa." + suffix + "@example.org"), "US-CA", EnumSet.of(RequestType.DELETION)));
        FulfilmentUiFixtures.verified(bean(org.jooq.DSLContext.class), request.id());
        bean(FulfilmentTasks.class).startFulfilment(request.id());
        return request;
    }

    private FulfilmentTab.Panel openTab(RightsRequest request) {
        UI.getCurrent().navigate("requests/" + request.id());
        RequestView view = _get(RequestView.class);
        for (int i = 0; i < view.tabs.getTabCount(); i++) {
            if (view.tabs.getTabAt(i).getLabel().equals("Fulfilment")) {
                view.tabs.setSelectedIndex(i);
            }
        }
        return _get(FulfilmentTab.Panel.class);
    }

    @Test
    void the_officer_sees_the_tasks_and_processors_and_the_response_waits_for_them() {
        RightsRequest request = deletionWithTasks();
        FulfilmentTab.Panel panel = openTab(request);

        assertThat(GridKt._size(panel.taskGrid)).isEqualTo(1);
        assertThat(GridKt._getFormattedRow(panel.taskGrid, 0)).contains("Delete · CRM " + suffix, "Open");
        assertThat(GridKt._size(panel.processorGrid)).isEqualTo(1);
        assertThat(GridKt._getFormattedRow(panel.processorGrid, 0)).contains("Mailer " + suffix, "privacy@mailer.example");
        assertThat(panel.prepare.isEnabled()).isFalse();
        assertThat(panel.prepareNote.getText()).isEqualTo("2 tasks are still open: finish or set them aside first");
        assertThat(panel.addException.isEnabled()).isTrue();

        TaskOutcomes outcomes = bean(TaskOutcomes.class);
        for (var t : bean(FulfilmentTasks.class).tasksOf(request.id())) {
            outcomes.notApplicable(t.id(), t.version(), "No data there");
        }
        panel = openTab(request);
        assertThat(panel.prepare.isEnabled()).isTrue();
    }

    @Test
    void the_officer_previews_the_letter_writes_their_own_words_confirms_storing_it_and_records_it_sent_before_closing() throws Exception {
        RightsRequest request = deletionWithTasks();
        TaskOutcomes outcomes = bean(TaskOutcomes.class);
        for (var t : bean(FulfilmentTasks.class).tasksOf(request.id())) {
            outcomes.notApplicable(t.id(), t.version(), "No data there");
        }
        openTab(request).prepare.click();
        ResponseDialog dialog = _get(ResponseDialog.class);
        assertThat(dialog.preview.getValue()).contains("Dear Rosa Diaz " + suffix).contains(request.reference());
        assertThat(dialog.preview.isReadOnly()).isTrue();

        setValue(dialog.note, "Sorry for the wait, " + suffix + ".");
        assertThat(dialog.preview.getValue()).contains("Sorry for the wait, " + suffix + ".\n\nIf you are not satisfied");
        dialog.store.click();
        assertThat(bean(Responses.class).responses(request.id())).as("nothing stored before confirming").isEmpty();
        ConfirmDialogKt._fireConfirm(dialog.confirm);
        var stored = bean(Responses.class).responses(request.id());
        assertThat(stored).singleElement().satisfies(r -> assertThat(r.note()).isEqualTo("Sorry for the wait, " + suffix + "."));

        RightsRequest current = bean(RightsRequests.class).find(request.id()).orElseThrow();
        assertThatThrownBy(() -> bean(RightsRequests.class).close(request.id(), current.version(), Outcome.COMPLETED, null))
                .hasMessageContaining("before a response was sent");
        FulfilmentTab.Panel panel = openTab(request);
        assertThat(GridKt._getFormattedRow(panel.responseGrid, 0)).contains("Not sent yet");
        assertThat(panel.closeDone.isEnabled()).isFalse();
        assertThat(panel.closeDone.getTooltip().getText()).startsWith("Record the response as sent first");
        SentDialog sent = new SentDialog(stored.getFirst(), bean(Responses.class), () -> { });
        sent.open();
        sent.save.click();
        assertThat(sent.via.isInvalid()).as("how it was sent is asked for").isTrue();
        setValue(sent.via, SendMethod.PORTAL);
        sent.save.click();

        panel = openTab(request);
        assertThat(GridKt._getFormattedRow(panel.responseGrid, 0)).anySatisfy(cell -> assertThat(cell).startsWith("Portal, "));
        assertThat(panel.closeDone.isEnabled()).isTrue();
        panel.closeDone.click();
        CloseDialog close = _get(CloseDialog.class);
        close.close.click();
        ConfirmDialogKt._fireConfirm(close.confirm);
        assertThat(bean(RightsRequests.class).find(request.id()).orElseThrow().outcome()).isEqualTo(Outcome.COMPLETED);
    }

    @Test
    void a_task_is_assigned_by_picking_a_user_who_may_do_request_tasks() {
        RightsRequest request = deletionWithTasks();
        loginAs("setup", Role.ADMIN, Role.PRIVACY_OFFICER);
        bean(UserAccountService.class).create("mia-" + suffix, "Mia Manager " + suffix, "mia-" + suffix + "@example.org", EnumSet.of(Role.MANAGER));
        bean(UserAccountService.class).create("aud-" + suffix, "Aud Auditor " + suffix, "aud-" + suffix + "@example.org", EnumSet.of(Role.AUDITOR));
        loginAs("olivia", Role.PRIVACY_OFFICER);
        var task = bean(FulfilmentTasks.class).tasksOf(request.id()).getFirst();
        AssignDialog dialog = new AssignDialog(task, bean(FulfilmentTasks.class), () -> { });
        dialog.open();

        List<String> offered = ComboBoxKt.getSuggestions(dialog.assignee);
        assertThat(offered).contains("Mia Manager " + suffix + " (mia-" + suffix + ")").noneMatch(label -> label.contains("aud-" + suffix));
        setValue(dialog.assignee, ComboBoxKt.getSuggestionItems(dialog.assignee).stream()
                .filter(u -> u.label().equals("Mia Manager " + suffix + " (mia-" + suffix + ")")).findFirst().orElseThrow());
        dialog.save.click();

        assertThat(bean(FulfilmentTasks.class).find(task.id()).assignee()).isEqualTo("mia-" + suffix);
    }

    @Test
    void a_task_reported_without_saying_what_was_done_is_refused_at_the_field_and_then_done() {
        RightsRequest request = deletionWithTasks();
        var task = bean(FulfilmentTasks.class).tasksOf(request.id()).stream().filter(t -> !t.action().needsConfirmation()).findFirst().orElseThrow();
        TaskDialog dialog = new TaskDialog(task, bean(TaskOutcomes.class), 1_000_000, () -> { });
        dialog.open();

        dialog.done.click();
        assertThat(dialog.outcome.isInvalid()).isTrue();
        assertThat(dialog.outcome.getErrorMessage()).isEqualTo("Say what was done or found");
        setValue(dialog.outcome, "Deleted the customer record");
        dialog.done.click();

        assertThat(bean(FulfilmentTasks.class).find(task.id()).status().label()).isEqualTo("Done");
    }

    @Test
    void an_auditor_reads_the_tab_and_is_told_who_can_act() {
        RightsRequest request = deletionWithTasks();
        loginAs("audrey", Role.AUDITOR);
        FulfilmentTab.Panel panel = openTab(request);

        assertThat(GridKt._size(panel.taskGrid)).isEqualTo(1);
        assertThat(panel.addException.isEnabled()).isFalse();
        assertThat(panel.addException.getTooltip().getText()).isEqualTo("Only a privacy officer can record deletion exceptions");
        assertThat(panel.prepareNote.getText()).isEqualTo("Only a privacy officer can prepare the response");
    }

    @Test
    void a_system_owner_sees_only_their_tasks_in_my_request_tasks() {
        RightsRequest request = deletionWithTasks();
        var task = bean(FulfilmentTasks.class).tasksOf(request.id()).getFirst();
        loginAs("setup", Role.ADMIN, Role.PRIVACY_OFFICER);
        bean(UserAccountService.class).create("sam-" + suffix, "Sam " + suffix, "sam-" + suffix + "@example.org", EnumSet.of(Role.MANAGER));
        bean(org.jooq.DSLContext.class).execute("update platform.app_user set must_change_password = false where username = ?", "sam-" + suffix);
        loginAs("olivia", Role.PRIVACY_OFFICER);
        bean(FulfilmentTasks.class).assign(task.id(), task.version(), "sam-" + suffix);
        loginAs("sam-" + suffix, Role.MANAGER);

        UI.getCurrent().navigate("requests/my-tasks");
        MyTasksView view = _get(MyTasksView.class);

        assertThat(GridKt._size(view.grid)).isEqualTo(1);
        assertThat(GridKt._getFormattedRow(view.grid, 0)).contains(request.reference(), "Rosa Diaz " + suffix + " <rosa." + suffix + "@example.org>");
        bean(TaskOutcomes.class).complete(task.id(), task.version() + 1, task.action().needsConfirmation()
                ? TaskCompletion.confirmed("Told them", java.time.LocalDate.now(), null) : TaskCompletion.of("Deleted"));
        view.refresh();
        assertThat(GridKt._size(view.grid)).isZero();
    }
}
