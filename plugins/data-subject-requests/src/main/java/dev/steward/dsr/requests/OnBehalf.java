package dev.steward.dsr.requests;

/** Who made the request for whom: an agent, a parent and a household each need their own proof. */
public enum OnBehalf {
    SELF("The individual themself"),
    AGENT("An authorised agent"),
    PARENT("A parent or guardian for a minor child"),
    HOUSEHOLD("A household");

    private final String label;

    OnBehalf(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
