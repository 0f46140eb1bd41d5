package dev.steward.dsr.clocks;

import dev.steward.dsr.clocks.ClockRule.Unit;
import dev.steward.dsr.requests.Regime;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** Clock rules as the seed writes them, for the arithmetic's tests. */
final class Rules {

    static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");
    static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");

    static final ClockRule GDPR = new ClockRule(1, Regime.GDPR, 1, null, false, 1, Unit.MONTHS, 2, Unit.MONTHS, false, null,
            BRUSSELS, "GDPR Art. 12(3)", null, LocalDate.of(2018, 5, 25), null, null, "seed", Instant.EPOCH, "seed");
    static final ClockRule CCPA = new ClockRule(2, Regime.CCPA, 1, 10, true, 45, Unit.DAYS, 45, Unit.DAYS, false, null,
            LOS_ANGELES, "Cal. Civ. Code 1798.130", null, LocalDate.of(2020, 1, 1), null, null, "seed", Instant.EPOCH, "seed");

    private Rules() {
    }

    /** Noon of a local day in the zone. */
    static Instant noon(String day, ZoneId zone) {
        return LocalDate.parse(day).atTime(12, 0).atZone(zone).toInstant();
    }

    static LocalDate dayOf(Instant instant, ZoneId zone) {
        return instant.atZone(zone).toLocalDate();
    }
}
