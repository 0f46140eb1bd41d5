package dev.steward.incidents.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import dev.steward.incidents.Incident;
import dev.steward.incidents.obligations.ObligationService;
import dev.steward.platform.ui.Toasts;

/** A notice the rules do not know: another regulator, a contract clause, a customer commitment. */
class ManualObligationDialog extends Dialog {

    final TextField regime = new TextField("Regime or source (e.g. contract with ACME)");
    final TextField recipient = new TextField("Recipient");
    final TextField jurisdiction = new TextField("Jurisdiction code (optional)");
    final DateTimePicker due = new DateTimePicker("Due");
    final TextArea reason = new TextArea("Why it is needed");

    ManualObligationDialog(ObligationService obligations, Incident incident, Runnable done) {
        setHeaderTitle("Add a notice to " + incident.reference());
        add(new FormLayout(regime, recipient, jurisdiction, due, reason));
        Button save = new Button("Add", e -> {
            obligations.addManual(incident.id(), regime.getValue(), recipient.getValue(), jurisdiction.getValue(),
                    Fields.instant(due), reason.getValue());
            Toasts.success("Notice added");
            close();
            done.run();
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", e -> close()), save);
    }
}
