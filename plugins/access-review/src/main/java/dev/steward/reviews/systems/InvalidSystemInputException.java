package dev.steward.reviews.systems;

/** A rule of systems, entitlements or SoD rules the input broke: the message says which, the field where. */
public class InvalidSystemInputException extends IllegalArgumentException {

    private final String field;

    public InvalidSystemInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The form field the message belongs next to (e.g. {@code owner}, {@code entitlementA}), or null. */
    public String field() {
        return field;
    }
}
