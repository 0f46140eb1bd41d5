package dev.steward.vendors;

/** A rule of the vendor registry the input broke: the message says which, the field where. Nothing was written. */
public class InvalidVendorInputException extends IllegalArgumentException {

    private final String field;

    public InvalidVendorInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The form field the message belongs next to (e.g. {@code legalName}, {@code hqCountry}), or null. */
    public String field() {
        return field;
    }
}
