package dev.steward.vendors.processing;

/** The safeguard for a transfer outside the EEA and the UK (GDPR Chapter V). */
public enum TransferMechanism {
    /** Art. 45: the country (or, for the US and Canada, the recipient's framework) has an EU adequacy decision. */
    ADEQUACY("Adequacy decision (Art. 45)"),
    /** Art. 46(2)(c): standard contractual clauses. */
    SCC("Standard contractual clauses (Art. 46)"),
    /** Art. 47: binding corporate rules. */
    BCR("Binding corporate rules (Art. 47)"),
    /** Art. 49: a derogation for a specific situation (explicit consent, contract necessity, ...). */
    DEROGATION("Derogation for a specific situation (Art. 49)");

    private final String label;

    TransferMechanism(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
