package dev.steward.reviews.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.TextArea;

import java.util.function.Consumer;

/** Asks for the comment a decision needs before making it. */
class CommentDialog extends Dialog {

    final TextArea comment = new TextArea();
    final Button confirm = new Button("Confirm");

    CommentDialog(String title, String question, Consumer<String> onConfirm) {
        setHeaderTitle(title);
        comment.setLabel(question);
        comment.setWidth("min(32rem, 90vw)");
        add(comment);
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.addClickListener(e -> {
            if (comment.getValue().isBlank()) {
                comment.setErrorMessage("A comment is required");
                comment.setInvalid(true);
                return;
            }
            onConfirm.accept(comment.getValue());
            close();
        });
        getFooter().add(new Button("Cancel", e -> close()), confirm);
        addOpenedChangeListener(e -> comment.focus());
    }
}
