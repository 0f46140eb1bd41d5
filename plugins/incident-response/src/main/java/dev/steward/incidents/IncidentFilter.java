package dev.steward.incidents;

import dev.steward.incidents.assessment.SeverityBand;

/**
 * What the incident grid shows; null fields do not filter.
 *
 * @param text   words in the reference or title
 * @param openOnly only incidents that are not closed
 */
public record IncidentFilter(String text, Phase phase, SeverityBand severity, IncidentType type, String assignee,
                             boolean openOnly) {

    public static IncidentFilter all() {
        return new IncidentFilter(null, null, null, null, null, false);
    }
}
