package dev.steward.vendors.ui;

import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ReadOnlyHasValue;
import com.vaadin.flow.data.binder.ValidationException;
import com.vaadin.flow.data.converter.Converter;

/**
 * Small helpers shared by the plugin's forms and their Binders. The Binders only move values: their default validators
 * are off and they have none of their own, so the rules stay the services'.
 */
final class Forms {

    private Forms() {
    }

    /** A Binder for a record, its default validators off. */
    static <T extends Record> Binder<T> binder(Class<T> type) {
        Binder<T> binder = new Binder<>(type);
        binder.setDefaultValidatorsEnabled(false);
        return binder;
    }

    /** Binds a component the form does not show (an id, a version) to a holder, so that the record is built whole. */
    static <T> void hold(Binder<?> binder, String property) {
        binder.forField(new ReadOnlyHasValue<T>(value -> { })).bind(property);
    }

    /** The record the fields hold. */
    static <T> T written(Binder<T> binder) {
        try {
            return binder.writeRecord();
        } catch (ValidationException notPossible) {
            throw new IllegalStateException("the form's Binder has no validators", notPossible);
        }
    }

    /** Text as typed (an empty field gives ""); a missing text is shown as an empty field. */
    static Converter<String, String> text() {
        return Converter.from(typed -> typed, stored -> stored == null ? "" : stored, Exception::getMessage);
    }
}
