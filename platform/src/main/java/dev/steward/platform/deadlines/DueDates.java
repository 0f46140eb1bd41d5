package dev.steward.platform.deadlines;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * Legal clocks, computed the way the rules are written:
 * <ul>
 * <li>elapsed time ("72 hours"): an exact duration, unaffected by daylight-saving changes;</li>
 * <li>calendar days ("30 calendar days from discovery"): the deadline is the end of the Nth day after the day of the
 *     event, as that day is in the given zone (the jurisdiction's), whatever the clock shift in between;</li>
 * <li>calendar months ("one month from receipt", GDPR Art. 12(3)): the same day number N months later, or the last
 *     day of that month when it is shorter (31 January + 1 month = 28 or 29 February); end of that day.</li>
 * </ul>
 * "End of day" is 23:59:59.999999999 local time.
 */
public final class DueDates {

    private DueDates() {
    }

    public static Instant elapsedHours(Instant start, long hours) {
        return start.plus(Duration.ofHours(hours));
    }

    public static Instant calendarDays(Instant start, int days, ZoneId zone) {
        return endOfDay(start.atZone(zone).toLocalDate().plusDays(days), zone);
    }

    public static Instant calendarMonths(Instant start, int months, ZoneId zone) {
        return endOfDay(start.atZone(zone).toLocalDate().plusMonths(months), zone);
    }

    public static Instant endOfDay(LocalDate day, ZoneId zone) {
        return day.atTime(LocalTime.MAX).atZone(zone).toInstant();
    }
}
