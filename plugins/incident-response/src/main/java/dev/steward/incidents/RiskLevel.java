package dev.steward.incidents;

/** The privacy officer's conclusion on the risk to individuals' rights and freedoms (GDPR Art. 33(1), 34(1)). */
public enum RiskLevel {
    NONE("Unlikely to result in a risk"),
    RISK("Risk"),
    HIGH_RISK("High risk");

    private final String label;

    RiskLevel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether this conclusion reaches {@code required}; no conclusion yet counts as RISK (the clock is running). */
    public static boolean reaches(RiskLevel conclusion, RiskLevel required) {
        if (required == null) {
            return true;
        }
        RiskLevel effective = conclusion == null ? RISK : conclusion;
        return effective.ordinal() >= required.ordinal();
    }
}
