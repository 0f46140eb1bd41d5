package dev.steward.vendors.contracts;

/** Whether a data processing agreement covers the vendor, derived from its processing and contracts (never typed in). */
public enum DpaStatus {
    /** The vendor processes no personal data for us as processor or sub-processor (none, or only as a controller). */
    NOT_REQUIRED("Not required"),
    /** A DPA is needed and none is recorded. */
    MISSING("Missing"),
    /** Only drafts: under negotiation. */
    DRAFT("Draft only"),
    /** Signed, but effective later. */
    SIGNED_NOT_EFFECTIVE("Signed, not yet effective"),
    IN_PLACE("In place"),
    /** In place, but its term ends within {@link DpaStatusRule#EXPIRY_WARNING_DAYS} days without renewing itself. */
    EXPIRING("In place, expiring"),
    /** Every signed DPA has ended or was terminated. */
    EXPIRED("Expired");

    private final String label;

    DpaStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** A DPA is needed and not in force: the privacy officer's gap. */
    public boolean isGap() {
        return this == MISSING || this == DRAFT || this == SIGNED_NOT_EFFECTIVE || this == EXPIRED;
    }
}
