package dev.steward.incidents.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.TextArea;

import java.util.function.Consumer;

/** Asks for the reason behind a decision (not required, reopen, ...) before doing it. */
class ReasonDialog extends Dialog {

    final TextArea reason = new TextArea();
    final Button confirm;

    ReasonDialog(String title, String question, String action, Consumer<String> onConfirm) {
        setHeaderTitle(title);
        reason.setLabel(question);
        reason.setWidth("min(36rem, 90vw)");
        reason.setRequired(true);
        add(reason);
        confirm = new Button(action, e -> {
            if (reason.getValue().isBlank()) {
                reason.setErrorMessage("A reason is required");
                reason.setInvalid(true);
                return;
            }
            onConfirm.accept(reason.getValue());
            close();
        });
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", e -> close()), confirm);
    }
}
