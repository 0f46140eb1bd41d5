package dev.steward.dsr.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import dev.steward.dsr.fulfilment.Response;
import dev.steward.dsr.fulfilment.Responses;
import dev.steward.dsr.fulfilment.SendMethod;
import dev.steward.platform.ui.DisplayTime;
import dev.steward.platform.ui.FieldErrors;
import dev.steward.platform.ui.Toasts;
import dev.steward.platform.validation.InvalidInputException;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/** Records when and how a prepared response reached the requester; the request can then be closed as complied with. */
class SentDialog extends Dialog {

    final Select<SendMethod> via = new Select<>();
    final DateTimePicker sentAt = new DateTimePicker();
    final Button save = new Button("Record as sent");
    private final ZoneId zone = DisplayTime.zone();

    SentDialog(Response response, Responses responses, Runnable changed) {
        setHeaderTitle("Response sent to the requester");
        via.setLabel("Sent by");
        via.setItems(SendMethod.values());
        via.setItemLabelGenerator(SendMethod::label);
        sentAt.setLabel("Sent on (" + zone.getId().replace('_', ' ') + " time)");
        sentAt.setValue(LocalDateTime.now(zone).truncatedTo(ChronoUnit.MINUTES));
        sentAt.setMax(LocalDateTime.now(zone).plusMinutes(5));
        add(new FormLayout(via, sentAt));
        setWidth("480px");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> {
            try {
                responses.recordSent(response.id(), via.getValue(), sentAt.getValue() == null ? null : sentAt.getValue().atZone(zone).toInstant());
                close();
                changed.run();
            } catch (InvalidInputException invalid) {
                FieldErrors.show(Map.of("sentVia", via, "sentAt", sentAt), invalid).ifPresent(Toasts::error);
            }
        });
        getFooter().add(new Button("Cancel", x -> close()), save);
    }
}
