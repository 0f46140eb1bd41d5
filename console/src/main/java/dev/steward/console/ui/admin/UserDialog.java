package dev.steward.console.ui.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import dev.steward.platform.security.Role;
import dev.steward.platform.security.UserAccount;
import dev.steward.platform.validation.ConcurrentChangeException;

import java.util.EnumSet;
import java.util.Set;

/** Create or edit a user. The save action throws {@link IllegalArgumentException} with a message shown in the dialog. */
class UserDialog extends Dialog {

    interface SaveAction {
        void save(String username, String displayName, String email, Set<Role> roles);
    }

    final TextField username = new TextField("User name");
    final TextField displayName = new TextField("Name");
    final EmailField email = new EmailField("Email");
    final CheckboxGroup<Role> roles = new CheckboxGroup<>("Roles");
    final Paragraph error = new Paragraph();
    final Button save = new Button("Save");

    UserDialog(UserAccount existing, SaveAction action) {
        setHeaderTitle(existing == null ? "New user" : "Edit " + existing.username());
        roles.setItems(Role.values());
        roles.setItemLabelGenerator(Role::label);
        username.setRequired(true);
        displayName.setRequired(true);
        if (existing != null) {
            username.setValue(existing.username());
            username.setReadOnly(true);
            displayName.setValue(existing.displayName());
            email.setValue(existing.email() == null ? "" : existing.email());
            roles.setValue(existing.roles());
        }
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        add(new FormLayout(username, displayName, email, roles), error);
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> {
            try {
                action.save(username.getValue().trim(), displayName.getValue(), email.getValue(),
                        roles.getValue().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles.getValue()));
                close();
            } catch (IllegalArgumentException | ConcurrentChangeException ex) {
                error.setText(ex.getMessage());
            }
        });
        getFooter().add(new Button("Cancel", e -> close()), save);
    }
}
