package dev.steward.platform.ui;

import dev.steward.platform.security.UserTimeZones;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The time zones a user can choose, each named so it can be found by typing a city, a region, the zone's name or its
 * offset: "Europe/Berlin · Central European Time · UTC+01:00". The zones a user may choose ({@link UserTimeZones#choosable}).
 */
public final class ZoneChoices {

    /** One zone to choose: its id, as stored, and how it reads. */
    public record ZoneChoice(String id, String label) {
    }

    private ZoneChoices() {
    }

    /** Every zone, west to east by their offset at {@code now}, then by name. */
    public static List<ZoneChoice> all(Instant now) {
        return ZoneId.getAvailableZoneIds().stream()
                .filter(UserTimeZones::choosable)
                .map(ZoneId::of)
                .sorted(Comparator.comparing((ZoneId z) -> z.getRules().getOffset(now)).reversed().thenComparing(ZoneId::getId))
                .map(z -> new ZoneChoice(z.getId(), label(z, now)))
                .toList();
    }

    /** "America/Los Angeles · Pacific Time · UTC-08:00" (the offset at {@code now}). */
    public static String label(ZoneId zone, Instant now) {
        ZoneOffset offset = zone.getRules().getOffset(now);
        String name = zone.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
        String readable = zone.getId().replace('_', ' ');
        return readable + (name.equals(zone.getId()) ? "" : " · " + name) + " · UTC" + (offset.getTotalSeconds() == 0 ? "" : offset.getId());
    }
}
