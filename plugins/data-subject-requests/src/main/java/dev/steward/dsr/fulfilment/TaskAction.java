package dev.steward.dsr.fulfilment;

/** What a task asks of a holder of the requester's data. */
public enum TaskAction {
    SEARCH("Search", "Find the requester's data and say what is held"),
    EXPORT("Export", "Export the requester's data for the response"),
    DELETE("Delete", "Delete the requester's data, except where a deletion exception is recorded"),
    CORRECT("Correct", "Correct the data as the requester asked"),
    RESTRICT("Restrict", "Restrict or stop the processing the requester objected to"),
    INSTRUCT_DELETE("Instruct to delete", "Instruct the processor to delete the data (CCPA 1798.105(c), GDPR Art. 19) and record its confirmation"),
    INSTRUCT_CORRECT("Instruct to correct", "Instruct the processor to correct the data as the requester asked (GDPR Art. 19) and record its confirmation"),
    INSTRUCT_RESTRICT("Instruct to restrict", "Instruct the processor to restrict the processing of the data (GDPR Art. 19) and record its confirmation");

    private final String label;
    private final String description;

    TaskAction(String label, String description) {
        this.label = label;
        this.description = description;
    }

    public String label() {
        return label;
    }

    public String description() {
        return description;
    }

    /** Tasks done by an outside organisation on our instruction, confirmed by it. */
    public boolean needsConfirmation() {
        return this == INSTRUCT_DELETE || this == INSTRUCT_CORRECT || this == INSTRUCT_RESTRICT;
    }

    /** What the processor confirms it did, for messages ("the deletion"). */
    public String confirmedWhat() {
        return switch (this) {
            case INSTRUCT_CORRECT -> "the correction";
            case INSTRUCT_RESTRICT -> "the restriction";
            default -> "the deletion";
        };
    }
}
