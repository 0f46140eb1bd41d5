package dev.steward.incidents.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import dev.steward.incidents.obligations.Obligation;
import dev.steward.incidents.obligations.ObligationService;
import dev.steward.platform.ui.DisplayTime;
import dev.steward.platform.ui.Toasts;

import java.time.LocalDateTime;

/** Records that a notice went out: when, the recipient's reference, and the reasons if it was late. */
class RecordSentDialog extends Dialog {

    final DateTimePicker sentAt = Fields.picker("Sent at");
    final TextField reference = new TextField("Reference from the recipient (case number)");
    final TextArea delayReason = new TextArea("Reasons for the delay (required when late)");
    final Button save = new Button("Record as sent");

    RecordSentDialog(ObligationService obligations, Obligation obligation, Runnable done) {
        setHeaderTitle("Sent: " + obligation.label());
        sentAt.setValue(LocalDateTime.now(DisplayTime.zone()).withSecond(0).withNano(0));
        add(new FormLayout(sentAt, reference, delayReason));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> {
            try {
                obligations.recordSent(obligation.id(), obligation.version(), Fields.instant(sentAt), reference.getValue(), delayReason.getValue());
                Toasts.success(obligation.label() + " recorded as sent");
                close();
                done.run();
            } catch (IllegalArgumentException invalid) {
                Toasts.error(invalid.getMessage());
            }
        });
        getFooter().add(new Button("Cancel", e -> close()), save);
    }
}
