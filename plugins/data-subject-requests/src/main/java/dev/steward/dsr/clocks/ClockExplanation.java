package dev.steward.dsr.clocks;

import java.time.ZoneId;

/** The "why this due date" text of a request's clock, for the Clock tab and the requester's complaint. */
final class ClockExplanation {

    private ClockExplanation() {
    }

    static String of(RequestClock c) {
        ClockRule rule = c.rule();
        ZoneId zone = rule.zone();
        StringBuilder why = new StringBuilder();
        why.append(c.dueAt() == null ? "No due date. " : "Due " + ClockText.endOfDay(c.dueAt(), zone) + ". ");
        why.append(c.dueBasis()).append(". ");
        why.append("Counted from receipt on ").append(ClockText.day(c.receivedAt(), zone)).append(" (").append(ClockText.zoneName(zone))
                .append(") under version ").append(rule.version()).append(" of the ").append(rule.regime().label())
                .append(" rule, effective from ").append(rule.effectiveFrom()).append(rule.inForce() ? "" : " (since replaced; this request keeps it)")
                .append(". ");
        if (rule.notes() != null) {
            why.append(rule.notes()).append(' ');
        }
        if (c.pausedDays() > 0) {
            why.append("Paused for ").append(c.pausedDays()).append(c.pausedDays() == 1 ? " day" : " days")
                    .append(" while waiting for verification (").append(rule.pauseCitation()).append("), which moved the due date as much. ");
        }
        if (c.paused()) {
            why.append("Paused since ").append(ClockText.day(c.pausedSince(), zone)).append(": the due date moves when the clock resumes. ");
        }
        if (c.acknowledgeBy() != null) {
            why.append(c.acknowledgedAt() == null ? "Receipt is to be acknowledged by " + ClockText.endOfDay(c.acknowledgeBy(), zone) + "."
                    : "Receipt was acknowledged on " + ClockText.day(c.acknowledgedAt(), zone) + ".");
        }
        return why.toString().strip();
    }
}
