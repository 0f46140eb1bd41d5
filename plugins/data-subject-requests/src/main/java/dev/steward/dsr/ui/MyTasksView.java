package dev.steward.dsr.ui;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.steward.dsr.DsrPermissions;
import dev.steward.dsr.fulfilment.FulfilmentTasks;
import dev.steward.dsr.fulfilment.Task;
import dev.steward.dsr.fulfilment.TaskOutcomes;
import dev.steward.platform.files.AttachmentService;
import dev.steward.platform.spi.RequiresPermission;
import dev.steward.platform.ui.DisplayTime;
import jakarta.annotation.security.PermitAll;

import java.time.Instant;

/** The request tasks assigned to the signed-in user (system owners, vendor managers): open ones first, soonest due first. */
@Route("requests/my-tasks")
@PageTitle("My request tasks · Steward")
@PermitAll
@RequiresPermission(DsrPermissions.TASKS)
public class MyTasksView extends VerticalLayout implements BeforeEnterObserver {

    final Grid<Task> grid = new Grid<>();
    final Checkbox showDone = new Checkbox("Show finished tasks too");
    private final FulfilmentTasks tasks;
    private final TaskOutcomes outcomes;
    private final AttachmentService files;

    public MyTasksView(FulfilmentTasks tasks, TaskOutcomes outcomes, AttachmentService files) {
        this.tasks = tasks;
        this.outcomes = outcomes;
        this.files = files;
        setSizeFull();
        Instant now = Instant.now();
        grid.addColumn(Task::requestReference).setHeader("Request").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(t -> t.subject() == null ? "(personal data purged)" : t.subject()).setHeader("About").setFlexGrow(1);
        grid.addColumn(Task::title).setHeader("Task").setFlexGrow(2).setTooltipGenerator(t -> t.action().description());
        grid.addColumn(t -> t.status().label()).setHeader("Status").setAutoWidth(true);
        grid.addColumn(t -> t.dueAt() == null ? "" : t.open() ? DisplayTime.countdown(t.dueAt(), now) : DisplayTime.date(t.dueAt()))
                .setHeader("Due").setAutoWidth(true);
        grid.addComponentColumn(t -> {
            var open = dev.steward.platform.ui.Buttons.small("Report…", () -> new TaskDialog(t, outcomes, files.maxBytes(), this::refresh).open());
            open.setEnabled(t.open());
            return open;
        }).setHeader("").setAutoWidth(true).setFlexGrow(0);
        grid.setSizeFull();
        showDone.addValueChangeListener(e -> refresh());
        add(new H2("My request tasks"), new Paragraph("Tasks for rights requests in the systems and with the vendors you answer for. "
                + "Search, delete or correct the requester's data as the task says, then report what you did with evidence."), showDone, grid);
    }

    void refresh() {
        grid.setItems(tasks.myTasks(!showDone.getValue()));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        refresh();
    }
}
