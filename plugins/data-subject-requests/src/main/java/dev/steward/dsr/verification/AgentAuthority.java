package dev.steward.dsr.verification;

/** What entitles an authorised agent to act for the consumer (11 CCR 7063; Cal. Probate Code 4000-4465). */
public enum AgentAuthority {
    SIGNED_PERMISSION("Signed permission from the consumer"),
    POWER_OF_ATTORNEY("Power of attorney");

    private final String label;

    AgentAuthority(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
