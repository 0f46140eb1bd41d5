package dev.steward.dsr.processors;

/** What a processor answers on the confirmation page. */
public enum AnswerKind {
    DELETED("Deleted, confirmed by the processor"),
    NO_DATA("The processor holds no such data"),
    /** Leaves the task open: a refused deletion is for the team to settle (an exception, or pressing the processor). */
    CANNOT_DELETE("The processor cannot delete");

    private final String label;

    AnswerKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
