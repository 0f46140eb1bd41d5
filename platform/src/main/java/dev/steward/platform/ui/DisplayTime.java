package dev.steward.platform.ui;

import com.vaadin.flow.component.UI;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Instants as the user reads them: in the browser's time zone (the server's until the browser has told it). */
public final class DisplayTime {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", java.util.Locale.ENGLISH);

    private DisplayTime() {
    }

    public static ZoneId zone() {
        UI ui = UI.getCurrent();
        if (ui != null) {
            var details = ui.getPage().getExtendedClientDetails();
            if (details != null && details.getTimeZoneId() != null && !details.getTimeZoneId().isBlank()) {
                try {
                    return ZoneId.of(details.getTimeZoneId());
                } catch (DateTimeException ignored) {
                    // an unknown zone id from the browser: fall back to the server's
                }
            }
        }
        return ZoneId.systemDefault();
    }

    /** "2026-03-31 12:00 CEST", or "" for null. */
    public static String format(Instant instant) {
        return instant == null ? "" : FORMAT.format(instant.atZone(zone()));
    }

    /**
     * A due date as the user reads it: a deadline that ends a day (due at a midnight of the user's zone) is that day,
     * "end of 21 Dec 2026", not "2026-12-22 00:00 CET"; any other is {@link #format formatted}.
     */
    public static String due(Instant due) {
        return due == null ? "" : due(due, zone());
    }

    static String due(Instant due, ZoneId zone) {
        var local = due.atZone(zone);
        return local.toLocalTime().equals(java.time.LocalTime.MIDNIGHT)
                ? "end of " + DAY.format(local.toLocalDate().minusDays(1))
                : FORMAT.format(local);
    }

    /** "in 2 d 5 h", "in 40 min", "3 h 10 min overdue". */
    public static String countdown(Instant due, Instant now) {
        Duration left = Duration.between(now, due);
        String amount = amount(left.abs());
        return left.isNegative() ? amount + " overdue" : "in " + amount;
    }

    private static String amount(Duration d) {
        long days = d.toDays();
        long hours = d.toHoursPart();
        long minutes = d.toMinutesPart();
        if (days > 0) {
            return days + " d " + hours + " h";
        }
        return hours > 0 ? hours + " h " + minutes + " min" : minutes + " min";
    }
}
