package dev.steward.dsr.fulfilment;

import dev.steward.platform.validation.InvalidInputException;

/** The response package would disclose a field the policy says is never disclosed; nothing was built. */
public class NeverDiscloseException extends InvalidInputException {

    private final String fieldName;

    NeverDiscloseException(String fieldName, String where, String what) {
        super("package", "Refused: \"" + fieldName + "\"" + (where == null ? "" : " in " + where) + " is " + what
                + ": the policy says it is never disclosed in answer to a request. Leave it out of the export and prepare the response again.");
        this.fieldName = fieldName;
    }

    public String fieldName() {
        return fieldName;
    }
}
