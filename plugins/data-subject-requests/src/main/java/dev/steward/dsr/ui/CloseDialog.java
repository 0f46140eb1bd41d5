package dev.steward.dsr.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import dev.steward.dsr.requests.Outcome;
import dev.steward.dsr.requests.RightsRequest;
import dev.steward.dsr.requests.RightsRequests;
import dev.steward.platform.ui.FieldErrors;
import dev.steward.platform.ui.Toasts;
import dev.steward.platform.validation.ConcurrentChangeException;
import dev.steward.platform.validation.InvalidInputException;

import java.util.Map;

/** Closes a request whose response was sent as complied with, in whole or in part (with what was not done and why). */
class CloseDialog extends Dialog {

    final Select<Outcome> outcome = new Select<>();
    final TextArea reason = new TextArea("What was not done, and why (the requester is told)");
    final Button close = new Button("Close the request…");
    ConfirmDialog confirm;

    CloseDialog(RightsRequest request, RightsRequests requests, Runnable changed) {
        setHeaderTitle("Close " + request.reference());
        outcome.setLabel("Outcome");
        outcome.setItems(Outcome.COMPLETED, Outcome.PARTIALLY_COMPLETED);
        outcome.setItemLabelGenerator(Outcome::label);
        outcome.setValue(Outcome.COMPLETED);
        reason.setMaxLength(2000);
        reason.setVisible(false);
        outcome.addValueChangeListener(e -> reason.setVisible(e.getValue() == Outcome.PARTIALLY_COMPLETED));
        add(new FormLayout(outcome, reason));
        setWidth("520px");
        close.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        close.addClickListener(e -> {
            confirm = new ConfirmDialog();
            confirm.setHeader("Close " + request.reference() + "?");
            confirm.setText("The request ends as \"" + (outcome.getValue() == null ? "" : outcome.getValue().label().toLowerCase())
                    + "\"; its open tasks are set aside and its clock stops. This cannot be undone.");
            confirm.setCancelable(true);
            confirm.setConfirmText("Close");
            confirm.addConfirmListener(x -> {
                try {
                    requests.close(request.id(), request.version(), outcome.getValue(),
                            outcome.getValue() == Outcome.COMPLETED ? null : reason.getValue());
                    close();
                    changed.run();
                } catch (InvalidInputException invalid) {
                    FieldErrors.show(Map.of("outcome", outcome, "reason", reason), invalid).ifPresent(Toasts::error);
                } catch (ConcurrentChangeException stale) {
                    Toasts.error(stale.getMessage());
                }
            });
            confirm.open();
        });
        getFooter().add(new Button("Cancel", x -> close()), close);
    }
}
