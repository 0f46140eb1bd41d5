package dev.steward.incidents.ui;

import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.data.converter.Converter;
import dev.steward.platform.ui.DisplayTime;

import java.time.Instant;
import java.time.LocalDateTime;

/** Small helpers shared by the plugin's forms: instants in date-time pickers, and the converters their Binders use. */
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

    /** A picker's local time in the user's zone as an instant (empty: null). */
    static Converter<LocalDateTime, Instant> instants() {
        return Converter.from(local -> local == null ? null : local.atZone(DisplayTime.zone()).toInstant(),
                instant -> instant == null ? null : LocalDateTime.ofInstant(instant, DisplayTime.zone()),
                Exception::getMessage);
    }

    static DateTimePicker picker(String label) {
        DateTimePicker picker = new DateTimePicker(label);
        picker.setStep(java.time.Duration.ofMinutes(15));
        picker.setMax(LocalDateTime.now(DisplayTime.zone()).plusMinutes(1));
        return picker;
    }
}
