package dev.steward.dsr.processors;

import dev.steward.dsr.requests.Regime;

/** Why a processor must delete on our instruction, in the words of the law the request is answered under. */
final class LegalBasis {

    private LegalBasis() {
    }

    static String of(Regime regime) {
        return switch (regime) {
            case CCPA -> "Cal. Civ. Code 1798.105(c)(1): a business that receives a verifiable consumer request to delete "
                    + "shall notify its service providers and contractors to delete the consumer's personal information, and "
                    + "they shall do so (11 CCR 7022); our service-provider contract with you provides the same.";
            case GDPR, UK_GDPR -> regime.label() + " Art. 17 (right to erasure) and Art. 19 (notification of erasure to each "
                    + "recipient); under Art. 28(3)(g) and our data processing agreement you delete the personal data on our "
                    + "documented instruction.";
            default -> regime.label() + " (" + regime.citation() + ") and our data processing agreement with you, under which "
                    + "you delete personal data on our documented instruction.";
        };
    }
}
