package dev.steward.incidents;

import dev.steward.incidents.assessment.SeverityBand;

import java.time.Instant;

/** One line of the incident grid. {@code nextDue} is the earliest due time of its open obligations. */
public record IncidentRow(long id, String reference, String title, IncidentType type, Phase phase, SeverityBand severity,
                          String assignee, Instant discoveredAt, Instant nextDue, int openTasks) {
}
