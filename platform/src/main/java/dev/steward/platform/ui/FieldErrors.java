package dev.steward.platform.ui;

import com.vaadin.flow.component.HasValidation;

import java.util.Map;

/** Server-side rule violations shown next to the form field they are about. */
public final class FieldErrors {

    private FieldErrors() {
    }

    /**
     * Marks the field named {@code field} invalid with the message.
     *
     * @return false when the form shows no such field: say the message elsewhere
     */
    public static boolean mark(Map<String, ? extends HasValidation> fields, String field, String message) {
        HasValidation target = field == null ? null : fields.get(field);
        if (target == null) {
            return false;
        }
        target.setErrorMessage(message);
        target.setInvalid(true);
        return true;
    }

    public static void clear(Map<String, ? extends HasValidation> fields) {
        fields.values().forEach(f -> f.setInvalid(false));
    }
}
