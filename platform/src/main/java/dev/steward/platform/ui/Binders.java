package dev.steward.platform.ui;

import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ReadOnlyHasValue;
import com.vaadin.flow.data.binder.ValidationException;
import com.vaadin.flow.data.converter.Converter;

/**
 * Helpers for the forms' Binders (docs/decisions.md, "Forms"). A Binder only moves values between the fields and the
 * form object: its default validators are off and it has no validators of its own, so the rules stay the services',
 * whose problems come back as an {@link dev.steward.platform.validation.InvalidInputException} shown with
 * {@link FieldErrors}.
 */
public final class Binders {

    private Binders() {
    }

    /** A Binder for a record, its default validators off. */
    public static <T extends Record> Binder<T> binder(Class<T> type) {
        Binder<T> binder = new Binder<>(type);
        binder.setDefaultValidatorsEnabled(false);
        return binder;
    }

    /** Binds a component the form does not show (an id, a version) to a holder, so that the record is built whole. */
    public static <T> void hold(Binder<?> binder, String property) {
        binder.forField(new ReadOnlyHasValue<T>(value -> { })).bind(property);
    }

    /** The record the fields hold, for a form whose conversions cannot fail. */
    public static <T> T written(Binder<T> binder) {
        try {
            return binder.writeRecord();
        } catch (ValidationException notPossible) {
            throw new IllegalStateException("the form's Binder has no validators and no failing conversions", notPossible);
        }
    }

    /** Text as typed (an empty field gives ""); a missing text is shown as an empty field. */
    public static Converter<String, String> text() {
        return Converter.from(typed -> typed, stored -> stored == null ? "" : stored, Exception::getMessage);
    }
}
