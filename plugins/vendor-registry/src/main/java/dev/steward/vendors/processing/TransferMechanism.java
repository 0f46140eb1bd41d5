package dev.steward.vendors.processing;

/** The safeguard for a transfer outside the EEA and the UK (GDPR Chapter V). */
public enum TransferMechanism {
    /** Art. 45: the country (or, for the US and Canada, the recipient's framework) has an EU adequacy decision. */
    ADEQUACY,
    /** Art. 46(2)(c): standard contractual clauses. */
    SCC,
    /** Art. 47: binding corporate rules. */
    BCR,
    /** Art. 49: a derogation for a specific situation (explicit consent, contract necessity, ...). */
    DEROGATION
}
