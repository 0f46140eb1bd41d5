package dev.steward.incidents;

import dev.steward.incidents.assessment.SeverityBand;

/**
 * What the incident grid shows; null fields do not filter.
 *
 * @param text   words in the reference or title
 * @param openOnly only incidents that are not closed
 * @param notices  only incidents with an open notice overdue or due within a window
 * @param discovered only incidents discovered in this span (a week of the dashboard's chart)
 */
public record IncidentFilter(String text, Phase phase, SeverityBand severity, IncidentType type, String assignee,
                             boolean openOnly, NoticeDue notices, Span discovered) {

    /** From {@code from} (inclusive) to {@code before} (exclusive). */
    public record Span(java.time.Instant from, java.time.Instant before) {
    }

    public IncidentFilter(String text, Phase phase, SeverityBand severity, IncidentType type, String assignee, boolean openOnly,
                          NoticeDue notices) {
        this(text, phase, severity, type, assignee, openOnly, notices, null);
    }

    public IncidentFilter(String text, Phase phase, SeverityBand severity, IncidentType type, String assignee, boolean openOnly) {
        this(text, phase, severity, type, assignee, openOnly, null);
    }

    /** Every incident with an open notice in this window, whatever its phase. */
    public static IncidentFilter withNotices(NoticeDue notices) {
        return new IncidentFilter(null, null, null, null, null, false, notices);
    }

    public static IncidentFilter all() {
        return new IncidentFilter(null, null, null, null, null, false);
    }
}
