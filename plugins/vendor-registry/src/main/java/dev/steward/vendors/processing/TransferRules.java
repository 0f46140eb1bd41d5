package dev.steward.vendors.processing;

import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

import static dev.steward.vendors.processing.TransferJurisdictions.Zone;

/**
 * Transfer-gap detection: data processed or stored outside the EEA and the UK needs a safeguard. Fully adequate
 * countries need none; the US and Canada need the recorded claim that the recipient is covered (ADEQUACY) or another
 * mechanism; any other country needs SCCs, BCRs or a derogation, and "adequacy" recorded for it is itself a gap.
 */
public final class TransferRules {

    private TransferRules() {
    }

    public static TransferAssessment assess(Collection<String> processingCountries, Collection<String> storageCountries,
                                            TransferMechanism mechanism) {
        TreeSet<String> countries = new TreeSet<>(processingCountries);
        countries.addAll(storageCountries);
        List<String> conditional = countries.stream().filter(c -> TransferJurisdictions.zoneOf(c) == Zone.CONDITIONALLY_ADEQUATE).toList();
        List<String> third = countries.stream().filter(c -> TransferJurisdictions.zoneOf(c) == Zone.THIRD_COUNTRY).toList();
        List<String> needing = countries.stream().filter(c -> conditional.contains(c) || third.contains(c)).toList();
        if (needing.isEmpty()) {
            return TransferAssessment.none();
        }
        if (mechanism == null) {
            return new TransferAssessment(true, needing, "No transfer mechanism recorded for " + String.join(", ", needing));
        }
        if (mechanism == TransferMechanism.ADEQUACY && !third.isEmpty()) {
            return new TransferAssessment(true, needing, String.join(", ", third)
                    + " has no EU adequacy decision; record standard contractual clauses, binding corporate rules or a derogation");
        }
        String covered = mechanism == TransferMechanism.ADEQUACY
                ? "adequacy, " + conditional.stream().map(c -> c + ": " + TransferJurisdictions.condition(c)).reduce((a, b) -> a + "; " + b).orElse("")
                : mechanism.label();
        return new TransferAssessment(false, needing, String.join(", ", needing) + " covered by " + covered);
    }
}
