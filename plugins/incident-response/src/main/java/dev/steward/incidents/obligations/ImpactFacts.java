package dev.steward.incidents.obligations;

import dev.steward.incidents.OurRole;
import dev.steward.incidents.RiskLevel;

import java.time.Instant;
import java.util.Map;

/**
 * The facts of an incident that decide its notification obligations.
 *
 * @param residents individuals affected per jurisdiction code (GB, DE, US-CA, ...)
 * @param phi         unsecured PHI is involved (PHI, and no HIPAA assessment found a low probability of compromise)
 * @param noticesSent when each rule's notice went out, by rule key (starts clocks that run from another notice)
 * @param hipaaLowProbability PHI is involved but a HIPAA assessment found a low probability that it was compromised
 *                            (why {@code phi} is false, for the reasons the engine gives)
 */
public record ImpactFacts(OurRole role, Instant discoveredAt, Instant awareAt, Instant determinedAt, RiskLevel risk,
                          boolean phi, boolean encrypted, boolean keyCompromised, Integer individuals,
                          Map<String, Integer> residents, Map<String, Instant> noticesSent, boolean hipaaLowProbability) {

    public ImpactFacts(OurRole role, Instant discoveredAt, Instant awareAt, Instant determinedAt, RiskLevel risk,
                       boolean phi, boolean encrypted, boolean keyCompromised, Integer individuals,
                       Map<String, Integer> residents, Map<String, Instant> noticesSent) {
        this(role, discoveredAt, awareAt, determinedAt, risk, phi, encrypted, keyCompromised, individuals, residents, noticesSent, false);
    }

    public ImpactFacts {
        residents = residents == null ? Map.of() : Map.copyOf(residents);
        noticesSent = noticesSent == null ? Map.of() : Map.copyOf(noticesSent);
    }

    /** Unintelligible to whoever has it: encrypted with a key that was not compromised. */
    public boolean unintelligible() {
        return encrypted && !keyCompromised;
    }
}
