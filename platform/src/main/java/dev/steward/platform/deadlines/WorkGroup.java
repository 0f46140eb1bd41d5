package dev.steward.platform.deadlines;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;

public enum WorkGroup {
    OVERDUE("Overdue"), TODAY("Today"), THIS_WEEK("This week"), LATER("Later");

    private final String label;

    WorkGroup(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Today and this week (to Sunday) as the viewer's calendar has them. */
    public static WorkGroup of(Instant due, Instant now, ZoneId zone) {
        if (due.isBefore(now)) {
            return OVERDUE;
        }
        LocalDate today = now.atZone(zone).toLocalDate();
        LocalDate day = due.atZone(zone).toLocalDate();
        if (!day.isAfter(today)) {
            return TODAY;
        }
        return day.isAfter(today.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY))) ? LATER : THIS_WEEK;
    }
}
