package dev.steward.incidents.obligations;

public enum ObligationStatus {
    /** The rules call for it; a privacy officer has not decided yet. */
    PROPOSED("Proposed"),
    REQUIRED("Required"),
    SENT("Sent"),
    NOT_REQUIRED("Not required");

    private final String label;

    ObligationStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
