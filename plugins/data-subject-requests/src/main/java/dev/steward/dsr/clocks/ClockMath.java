package dev.steward.dsr.clocks;

import dev.steward.dsr.clocks.ClockRule.Unit;
import dev.steward.platform.deadlines.DueDates;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * The arithmetic of request clocks. Every deadline here ends a day in the rule's zone (23:59:59.999999, kept in
 * microseconds as PostgreSQL stores it): a period counted from receipt ends on the Nth day after the day of receipt there;
 * a month from 31 January ends on the last day of February (Regulation 1182/71 Art. 3(2)(c); {@link DueDates}).
 */
final class ClockMath {

    private ClockMath() {
    }

    /** The law's answer deadline, or null when the rule sets none. */
    static Instant lawDue(ClockRule rule, Instant received) {
        if (rule.answerAmount() == null) {
            return null;
        }
        return plus(dayOf(received, rule.zone()), rule.answerAmount(), rule.answerUnit(), rule.zone());
    }

    /** The acknowledgement deadline, or null when the rule asks for none; business days skip US federal holidays. */
    static Instant acknowledgeBy(ClockRule rule, Instant received) {
        if (rule.ackDays() == null) {
            return null;
        }
        LocalDate day = dayOf(received, rule.zone());
        LocalDate last = rule.ackBusinessDays() ? UsFederalHolidays.plusBusinessDays(day, rule.ackDays()) : day.plusDays(rule.ackDays());
        return endOf(last, rule.zone());
    }

    /** The company's promised deadline: {@code days} calendar days from receipt in the rule's zone. */
    static Instant promiseDue(int days, Instant received, ZoneId zone) {
        return plus(dayOf(received, zone), days, Unit.DAYS, zone);
    }

    /** The law's due date after its one extension (added to the law's due date), or null when the rule allows none. */
    static Instant extended(ClockRule rule, Instant lawDue) {
        if (rule.extensionAmount() == null || lawDue == null) {
            return null;
        }
        return plus(dayOf(lawDue, rule.zone()), rule.extensionAmount(), rule.extensionUnit(), rule.zone());
    }

    /** A day-ending deadline moved by whole days (a pause); null stays null. */
    static Instant shifted(Instant due, int days, ZoneId zone) {
        return due == null ? null : endOf(dayOf(due, zone).plusDays(days), zone);
    }

    /** Whole days a pause lasted, counted as days of the rule's zone: paused and resumed the same day moves nothing. */
    static int pausedDays(Instant pausedAt, Instant resumedAt, ZoneId zone) {
        return (int) Math.max(0, ChronoUnit.DAYS.between(dayOf(pausedAt, zone), dayOf(resumedAt, zone)));
    }

    /** The earlier of two deadlines, either of which may be missing. */
    static Instant earlier(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isBefore(b) ? a : b;
    }

    static LocalDate dayOf(Instant instant, ZoneId zone) {
        return instant.atZone(zone).toLocalDate();
    }

    static Instant endOf(LocalDate day, ZoneId zone) {
        return DueDates.endOfDay(day, zone).truncatedTo(ChronoUnit.MICROS);
    }

    private static Instant plus(LocalDate from, int amount, Unit unit, ZoneId zone) {
        return endOf(unit == Unit.MONTHS ? from.plusMonths(amount) : from.plusDays(amount), zone);
    }
}
