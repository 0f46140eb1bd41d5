package dev.steward.incidents.obligations;

import dev.steward.incidents.Incident;
import dev.steward.incidents.IncidentForm;

import java.time.Instant;
import java.util.Map;

/** The engine's view of an incident. */
final class ImpactFactsOf {

    private ImpactFactsOf() {
    }

    /** @param hipaaLowProbability the HIPAA assessment showed a low probability of compromise: PHI rules do not apply */
    static ImpactFacts incident(Incident incident, Map<String, Instant> noticesSent, boolean hipaaLowProbability) {
        IncidentForm f = incident.facts();
        return new ImpactFacts(f.getOurRole(), f.getDiscoveredAt(), f.getAwareAt(), f.getDeterminedAt(), incident.risk(),
                f.isPhi() && !hipaaLowProbability, f.isEncrypted(), f.isKeyCompromised(), f.getIndividuals(), f.getResidents(), noticesSent,
                f.isPhi() && hipaaLowProbability);
    }
}
