package dev.steward.incidents.obligations;

import dev.steward.incidents.obligations.NotificationRule.DeadlineKind;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Deadlines in words. A deadline of calendar days ends a day in the rule's zone and is said as that day there ("end of
 * 16 Mar 2026, Los Angeles time"), never as the next midnight somewhere else; an elapsed-time deadline is an instant,
 * written in ISO-8601 for the screen to show in the reader's zone (and for exports to keep as it is).
 */
public final class DueText {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private DueText() {
    }

    /** Whether a deadline of this kind ends a day in the rule's zone (rather than at an instant). */
    public static boolean endsADay(DeadlineKind kind) {
        return kind == DeadlineKind.CALENDAR_DAYS || kind == DeadlineKind.DAYS_AFTER_YEAR_END;
    }

    /**
     * The day a deadline ending a day ends, in its zone. A due stored before the microsecond fix was rounded up to the next
     * midnight: one millisecond earlier is the same day for both.
     */
    public static LocalDate day(Instant due, ZoneId zone) {
        return due.minusMillis(1).atZone(zone).toLocalDate();
    }

    /** "end of 16 Mar 2026, Los Angeles time". */
    public static String endOfDay(Instant due, ZoneId zone) {
        return "end of " + DAY.format(day(due, zone)) + ", " + zoneName(zone);
    }

    /** "16 Mar 2026". */
    public static String day(LocalDate day) {
        return DAY.format(day);
    }

    /** "Los Angeles time", "Brussels time", "UTC". */
    public static String zoneName(ZoneId zone) {
        if (zone.normalized() instanceof ZoneOffset offset) {
            return offset.equals(ZoneOffset.UTC) ? "UTC" : "UTC" + offset.getId();
        }
        String id = zone.getId();
        return id.substring(id.lastIndexOf('/') + 1).replace('_', ' ') + " time";
    }

    /**
     * A due as the timeline and the change messages say it: the day for a deadline that ends one, otherwise the instant
     * in ISO-8601 (shown in the reader's zone on screen); "clock not started" for none.
     *
     * @param dayZone the rule's zone when its deadline ends a day, else null
     */
    public static String of(Instant due, ZoneId dayZone) {
        if (due == null) {
            return "clock not started";
        }
        return dayZone == null ? due.toString() : endOfDay(due, dayZone);
    }

    /** {@link #of(Instant, ZoneId)} for a rule's due. */
    public static String of(Instant due, NotificationRule rule) {
        return of(due, rule != null && endsADay(rule.deadlineKind()) ? rule.zone() : null);
    }
}
