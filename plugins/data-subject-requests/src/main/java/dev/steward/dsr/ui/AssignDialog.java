package dev.steward.dsr.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import dev.steward.dsr.fulfilment.Assignee;
import dev.steward.dsr.fulfilment.FulfilmentTasks;
import dev.steward.dsr.fulfilment.Task;
import dev.steward.platform.ui.FieldErrors;
import dev.steward.platform.ui.Toasts;
import dev.steward.platform.validation.ConcurrentChangeException;
import dev.steward.platform.validation.InvalidInputException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Gives a task to a console user who may do request tasks, picked by name, or to nobody when cleared. */
class AssignDialog extends Dialog {

    final ComboBox<Assignee> assignee = new ComboBox<>("Assignee");
    final Button save = new Button("Assign");

    AssignDialog(Task task, FulfilmentTasks tasks, Runnable changed) {
        setHeaderTitle("Assign: " + task.title());
        List<Assignee> users = new ArrayList<>(tasks.assignableUsers());
        Assignee current = task.assignee() == null ? null : users.stream().filter(u -> u.username().equals(task.assignee())).findFirst()
                .orElseGet(() -> new Assignee(task.assignee(), null));
        if (current != null && !users.contains(current)) {
            users.addFirst(current);
        }
        assignee.setItems(users);
        assignee.setItemLabelGenerator(Assignee::label);
        assignee.setValue(current);
        assignee.setClearButtonVisible(true);
        assignee.setPlaceholder("Search users by name");
        assignee.setHelperText(users.isEmpty() ? "No user may do request tasks yet: an administrator gives a user a role holding them"
                : "Users whose role lets them do request tasks; they see it in My request tasks. Cleared: nobody.");
        assignee.setWidthFull();
        add(assignee);
        setWidth("480px");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> {
            try {
                tasks.assign(task.id(), task.version(), assignee.getValue() == null ? null : assignee.getValue().username());
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
