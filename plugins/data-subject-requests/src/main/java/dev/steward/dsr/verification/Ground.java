package dev.steward.dsr.verification;

/** Why a request may be refused or charged for. */
public enum Ground {
    OVER_LIMIT("More than two access requests in 12 months", "Cal. Civ. Code 1798.100(d), 1798.130(b)"),
    MANIFESTLY_UNFOUNDED("Manifestly unfounded", "GDPR Art. 12(5); Cal. Civ. Code 1798.145(h)(3)"),
    EXCESSIVE("Excessive, in particular repetitive", "GDPR Art. 12(5); Cal. Civ. Code 1798.145(h)(3)");

    private final String label;
    private final String citation;

    Ground(String label, String citation) {
        this.label = label;
        this.citation = citation;
    }

    public String label() {
        return label;
    }

    public String citation() {
        return citation;
    }
}
