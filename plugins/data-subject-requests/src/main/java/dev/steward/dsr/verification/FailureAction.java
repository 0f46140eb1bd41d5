package dev.steward.dsr.verification;

import dev.steward.dsr.requests.Outcome;

/** What a rule says happens to a request whose requester cannot be verified. */
public enum FailureAction {
    CLOSE_UNVERIFIED("Close as not verified", Outcome.UNVERIFIED),
    TREAT_AS_OPT_OUT("Treat as an opt-out of sale or sharing", Outcome.TREATED_AS_OPT_OUT);

    private final String label;
    private final Outcome outcome;

    FailureAction(String label, Outcome outcome) {
        this.label = label;
        this.outcome = outcome;
    }

    public String label() {
        return label;
    }

    public Outcome outcome() {
        return outcome;
    }
}
