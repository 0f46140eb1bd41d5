package dev.steward.dsr.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.TextField;
import dev.steward.dsr.fulfilment.FulfilmentTasks;
import dev.steward.dsr.fulfilment.Task;
import dev.steward.platform.ui.FieldErrors;
import dev.steward.platform.ui.Toasts;
import dev.steward.platform.validation.ConcurrentChangeException;
import dev.steward.platform.validation.InvalidInputException;

import java.util.Map;

/** Gives a task to a console user (their user name), or to nobody when left empty. */
class AssignDialog extends Dialog {

    final TextField assignee = new TextField("User name");
    final Button save = new Button("Assign");

    AssignDialog(Task task, FulfilmentTasks tasks, Runnable changed) {
        setHeaderTitle("Assign: " + task.title());
        assignee.setValue(task.assignee() == null ? "" : task.assignee());
        assignee.setHelperText("The user who does the task; they see it in My request tasks. Empty: nobody.");
        assignee.setWidthFull();
        add(assignee);
        setWidth("480px");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> {
            try {
                tasks.assign(task.id(), task.version(), assignee.getValue().isBlank() ? null : assignee.getValue().strip());
                close();
                changed.run();
            } catch (InvalidInputException invalid) {
                FieldErrors.show(Map.of("assignee", assignee), invalid).ifPresent(Toasts::error);
            } catch (ConcurrentChangeException stale) {
                Toasts.error(stale.getMessage());
            }
        });
        getFooter().add(new Button("Cancel", x -> close()), save);
    }
}
