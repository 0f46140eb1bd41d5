package dev.steward.dsr.fulfilment;

/** Where a task stands; only open tasks hold the response back. */
public enum TaskStatus {
    OPEN("Open"),
    DONE("Done"),
    NOT_APPLICABLE("Not applicable");

    private final String label;

    TaskStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
