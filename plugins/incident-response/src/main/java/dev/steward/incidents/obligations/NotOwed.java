package dev.steward.incidents.obligations;

/**
 * A rule that was considered for an incident (individuals are affected where it counts them) and does not call for a
 * notice, with the reason in words and the rule's citation: why a notice someone might expect is not there.
 *
 * @param ruleId the rule version that was evaluated
 * @param jurisdiction the rule's jurisdiction, or the one state for a per-state rule (US-*)
 * @param reason why the rule does not apply, in words ("the data was encrypted and the key is safe")
 */
public record NotOwed(Long ruleId, String ruleKey, int ruleVersion, String regime, String recipient, String jurisdiction,
                      String reason, String citation) {

    /** "GDPR · Data subjects", as the owed notices are labelled. */
    public String label() {
        return Obligation.label(regime, recipient, jurisdiction);
    }

    /** "GDPR · Data subjects — not owed: the data was encrypted and the key is safe (GDPR Art. 34(1), 34(3))". */
    public String text() {
        return label() + " — not owed: " + reason + " (" + citation + ")";
    }
}
