package dev.steward.dsr.requests;

/** Where a request stands; why a closed one closed is its {@link Outcome}. */
public enum RequestStatus {
    AWAITING_VERIFICATION("Awaiting verification"),
    IN_PROGRESS("In progress"),
    CLOSED("Closed");

    private final String label;

    RequestStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
