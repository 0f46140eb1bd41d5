package dev.steward.incidents.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import dev.steward.incidents.InvalidIncidentException;
import dev.steward.platform.ui.DisplayTime;
import dev.steward.platform.ui.FieldErrors;
import dev.steward.platform.ui.Toasts;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Small helpers shared by the plugin's forms: instants in date-time pickers, and rule violations next to their field. */
final class Fields {

    private Fields() {
    }

    static Instant instant(DateTimePicker picker) {
        LocalDateTime local = picker.getValue();
        return local == null ? null : local.atZone(DisplayTime.zone()).toInstant();
    }

    static void set(DateTimePicker picker, Instant instant) {
        picker.setValue(instant == null ? null : LocalDateTime.ofInstant(instant, DisplayTime.zone()));
    }

    static DateTimePicker picker(String label) {
        DateTimePicker picker = new DateTimePicker(label);
        picker.setStep(java.time.Duration.ofMinutes(15));
        picker.setMax(LocalDateTime.now(DisplayTime.zone()).plusMinutes(1));
        return picker;
    }

    /** Clears earlier errors, then shows each problem on its field; problems without a field on this form go to a toast. */
    static void show(InvalidIncidentException e, Map<String, ? extends HasValidation> byField) {
        FieldErrors.clear(byField);
        List<String> elsewhere = new ArrayList<>();
        for (InvalidIncidentException.Problem p : e.problems()) {
            if (!FieldErrors.mark(byField, p.field(), p.message())) {
                elsewhere.add(p.message());
            }
        }
        if (!elsewhere.isEmpty()) {
            Toasts.error(String.join("; ", elsewhere));
        }
    }

    static void clear(Map<String, ? extends HasValidation> byField) {
        FieldErrors.clear(byField);
    }
}
