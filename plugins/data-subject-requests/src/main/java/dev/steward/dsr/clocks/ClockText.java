package dev.steward.dsr.clocks;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Deadlines in words: a deadline that ends a day is that day in the rule's zone ("end of 16 Mar 2026, Los Angeles time"). */
public final class ClockText {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private ClockText() {
    }

    /** "end of 16 Mar 2026, Los Angeles time", or "none" for null. */
    public static String endOfDay(Instant due, ZoneId zone) {
        return due == null ? "none" : "end of " + day(due, zone) + ", " + zoneName(zone);
    }

    /** "16 Mar 2026": the day an instant falls on in the zone. */
    public static String day(Instant instant, ZoneId zone) {
        return DAY.format(instant.atZone(zone));
    }

    /** "Los Angeles time", "Brussels time", "UTC". */
    public static String zoneName(ZoneId zone) {
        if (zone.normalized() instanceof ZoneOffset offset) {
            return offset.equals(ZoneOffset.UTC) ? "UTC" : "UTC" + offset.getId();
        }
        String id = zone.getId();
        return id.substring(id.lastIndexOf('/') + 1).replace('_', ' ') + " time";
    }
}
