package dev.steward.platform.validation;

import java.util.regex.Pattern;

/** Small checks shared by the modules' forms; each failure names its field. */
public final class Inputs {

    /** One @, something on both sides, a dot in the domain, no spaces: what a mail server will try, not RFC 5322 in full. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");

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

    /** An optional email address, stripped and checked for shape. */
    public static String email(String field, String value) {
        String address = optional(field, value, 254);
        if (address != null && !EMAIL.matcher(address).matches()) {
            throw new InvalidInputException(field, "Not an email address: it needs a name, an @ and a domain");
        }
        return address;
    }
}
