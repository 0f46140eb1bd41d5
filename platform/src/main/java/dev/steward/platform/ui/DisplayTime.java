package dev.steward.platform.ui;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinService;
import dev.steward.platform.security.CurrentUser;
import dev.steward.platform.security.UserTimeZones;
import org.springframework.beans.BeansException;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * Instants as the user reads them: in the zone the user chose ({@link UserTimeZones}), else in the browser's time zone
 * (the server's until the browser has told it). One format in every grid: 24-hour, the zone named.
 */
public final class DisplayTime {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", java.util.Locale.ENGLISH);

    /** The user's choice as read once per page (a UI): the grids format many times per row. */
    private record Chosen(String username, Optional<ZoneId> zone) {
    }

    private DisplayTime() {
    }

    /** The user's zone: the one they chose, else their browser's. */
    public static ZoneId zone() {
        return zone(chosenZone(), browserZone());
    }

    static ZoneId zone(Optional<ZoneId> chosen, ZoneId browser) {
        return chosen.orElse(browser);
    }

    /** The browser's time zone; the server's until the browser has told it (or outside a page). */
    public static ZoneId browserZone() {
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

    /** The zone the signed-in user chose, read once per page; empty outside a page or when they follow the browser. */
    private static Optional<ZoneId> chosenZone() {
        UI ui = UI.getCurrent();
        if (ui == null) {
            return Optional.empty();
        }
        Chosen cached = ComponentUtil.getData(ui, Chosen.class);
        Optional<String> user = CurrentUser.username();
        if (cached != null && (user.isEmpty() || cached.username().equals(user.get()))) {
            return cached.zone(); // work pushed from the background runs without the user's security context
        }
        if (user.isEmpty()) {
            return Optional.empty();
        }
        Optional<ZoneId> zone = lookUp();
        ComponentUtil.setData(ui, Chosen.class, new Chosen(user.get(), zone));
        return zone;
    }

    private static Optional<ZoneId> lookUp() {
        VaadinService service = VaadinService.getCurrent();
        if (service == null) {
            return Optional.empty();
        }
        try {
            return service.getInstantiator().getOrCreate(UserTimeZones.class).own();
        } catch (IllegalArgumentException | BeansException noSpring) {
            return Optional.empty(); // a page without the platform's services (a plain component test)
        }
    }

    /** The user changed their zone: this page reads it again at its next time shown. */
    public static void userZoneChanged() {
        UI ui = UI.getCurrent();
        if (ui != null) {
            ComponentUtil.setData(ui, Chosen.class, null);
        }
    }

    /** The date the instant falls on in the user's zone, "2026-03-31", or "" for null. */
    public static String date(Instant instant) {
        return instant == null ? "" : LocalDate.ofInstant(instant, zone()).toString();
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
