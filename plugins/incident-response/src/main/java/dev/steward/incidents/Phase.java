package dev.steward.incidents;

public enum Phase {
    REPORTED("Reported"),
    TRIAGE("Triage"),
    CONTAINED("Contained"),
    ASSESSED("Assessed"),
    NOTIFIED("Notified"),
    CLOSED("Closed");

    private final String label;

    Phase(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The phase after this one, or null for CLOSED (which can only be reopened). */
    public Phase next() {
        return this == CLOSED ? null : values()[ordinal() + 1];
    }
}
