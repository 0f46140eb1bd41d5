package dev.steward.reviews.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import dev.steward.platform.ui.Toasts;
import dev.steward.reviews.decisions.ReviewDecisions;
import dev.steward.reviews.decisions.ReviewItem;

/** Hands an item to another reviewer (or a stand-in while one is away). */
class ReassignDialog extends Dialog {

    final TextField reviewer = new TextField("New reviewer (user name)");
    final TextArea comment = new TextArea("Why");
    final Checkbox delegate = new Checkbox("Delegate (I stay accountable)");

    ReassignDialog(ReviewDecisions decisions, ReviewItem item, Runnable done) {
        setHeaderTitle("Hand on: " + item.entitlement() + " of " + (item.personName() == null ? item.accountName() : item.personName()));
        add(new FormLayout(reviewer, delegate, comment));
        Button save = new Button("Hand on", e -> {
            decisions.reassign(item.id(), item.version(), reviewer.getValue(), comment.getValue(), delegate.getValue());
            Toasts.success("Handed to " + reviewer.getValue().strip());
            close();
            done.run();
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", e -> close()), save);
    }
}
