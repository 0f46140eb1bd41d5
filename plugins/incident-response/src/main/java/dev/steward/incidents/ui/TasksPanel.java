package dev.steward.incidents.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import dev.steward.incidents.Incident;
import dev.steward.incidents.IncidentPermissions;
import dev.steward.incidents.Phase;
import dev.steward.incidents.work.Task;
import dev.steward.incidents.work.TaskService;
import dev.steward.platform.security.CurrentUser;
import dev.steward.platform.ui.Buttons;
import dev.steward.platform.ui.DisplayTime;

import java.time.Instant;

/** The incident's checklist: from the type's template, plus tasks added here. */
class TasksPanel extends VerticalLayout {

    final Grid<Task> grid = new Grid<>();
    final TextField title = new TextField();
    final TextField assignee = new TextField();
    final DateTimePicker due = new DateTimePicker();
    final Button add = new Button("Add task");
    private final TaskService tasks;
    private final boolean canWork;

    TasksPanel(TaskService tasks, Incident incident, Runnable changed) {
        this.tasks = tasks;
        this.canWork = CurrentUser.hasPermission(IncidentPermissions.WORK) && incident.phase() != Phase.CLOSED;
        setPadding(false);
        grid.addColumn(Task::title).setHeader("Task").setFlexGrow(1);
        grid.addColumn(t -> t.assignee() == null ? "" : t.assignee()).setHeader("Assignee").setAutoWidth(true);
        grid.addColumn(t -> t.due() == null ? "" : DisplayTime.format(t.due()) + (t.overdue(Instant.now()) ? " (overdue)" : "")).setHeader("Due").setAutoWidth(true);
        grid.addColumn(t -> switch (t.status()) {
            case OPEN -> "Open";
            case DONE -> "Done by " + t.doneBy();
            case CANCELLED -> "Cancelled by " + t.doneBy();
        }).setHeader("Status").setAutoWidth(true);
        grid.addComponentColumn(t -> actions(t, changed)).setKey("actions").setAutoWidth(true);
        grid.setAllRowsVisible(true);
        grid.setItems(tasks.of(incident.id()));

        title.setPlaceholder("New task");
        title.setMinWidth("20rem");
        assignee.setPlaceholder("Assignee");
        due.setDatePlaceholder("Due date");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.addClickListener(e -> {
            tasks.add(incident.id(), title.getValue(), assignee.getValue(), Fields.instant(due));
            changed.run();
        });
        FlexLayout entry = new FlexLayout(title, assignee, due, add);
        entry.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        entry.getStyle().set("gap", "var(--lumo-space-s)");
        entry.setVisible(canWork);
        add(grid, entry);
    }

    private Component actions(Task task, Runnable changed) {
        HorizontalLayout actions = new HorizontalLayout();
        if (!canWork) {
            return actions;
        }
        if (task.status() == Task.Status.OPEN) {
            actions.add(Buttons.small("Done", () -> {
                tasks.setStatus(task.id(), task.version(), Task.Status.DONE);
                changed.run();
            }), Buttons.small("Cancel", () -> {
                tasks.setStatus(task.id(), task.version(), Task.Status.CANCELLED);
                changed.run();
            }));
        } else {
            actions.add(Buttons.small("Reopen", () -> {
                tasks.setStatus(task.id(), task.version(), Task.Status.OPEN);
                changed.run();
            }));
        }
        return actions;
    }
}
