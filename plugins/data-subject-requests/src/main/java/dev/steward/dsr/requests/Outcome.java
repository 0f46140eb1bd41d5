package dev.steward.dsr.requests;

/** How a request ended; the yearly metrics count these. */
public enum Outcome {
    COMPLETED("Complied with in whole"),
    PARTIALLY_COMPLETED("Complied with in part"),
    DENIED("Denied"),
    UNVERIFIED("Closed: identity not verified"),
    WITHDRAWN("Withdrawn by the requester"),
    TREATED_AS_OPT_OUT("Not verified: treated as an opt-out");

    private final String label;

    Outcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
