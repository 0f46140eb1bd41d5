package dev.steward.incidents;

import dev.steward.incidents.assessment.SeverityBand;

import java.time.Instant;

/**
 * An incident as stored: its facts (a fresh copy each time it is loaded) and what the work has made of it.
 *
 * @param version the optimistic-lock version a save must present
 */
public record Incident(long id, String reference, int version, Phase phase, SeverityBand severity, RiskLevel risk,
                       String riskReasoning, String awareDeclaredBy, Instant closedAt, Instant createdAt, String createdBy,
                       IncidentForm facts) {

    public String title() {
        return facts.getTitle();
    }

    public String label() {
        return reference + " " + facts.getTitle();
    }
}
