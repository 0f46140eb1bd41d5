package dev.steward.vendors;

import dev.steward.platform.validation.InvalidInputException;

/** Small checks shared by the registry's forms; each failure names its field. */
public final class Inputs {

    private Inputs() {
    }

    public static String required(String field, String value, String message, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, message);
        }
        return optional(field, value, maxLength);
    }

    public static String optional(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.strip().length() > maxLength) {
            throw new InvalidInputException(field, "At most " + maxLength + " characters");
        }
        return value.strip();
    }

    public static <T> T present(String field, T value, String message) {
        if (value == null) {
            throw new InvalidInputException(field, message);
        }
        return value;
    }
}
