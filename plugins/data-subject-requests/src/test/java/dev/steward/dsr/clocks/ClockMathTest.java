package dev.steward.dsr.clocks;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;

import static dev.steward.dsr.clocks.Rules.BRUSSELS;
import static dev.steward.dsr.clocks.Rules.CCPA;
import static dev.steward.dsr.clocks.Rules.GDPR;
import static dev.steward.dsr.clocks.Rules.LOS_ANGELES;
import static dev.steward.dsr.clocks.Rules.dayOf;
import static dev.steward.dsr.clocks.Rules.noon;
import static org.assertj.core.api.Assertions.assertThat;

/** The clock arithmetic at its boundaries: month ends, business days around holidays, extensions, promises, pauses. */
class ClockMathTest {

    @ParameterizedTest(name = "received {0}: due end of {1}")
    @CsvSource({
            "2026-01-31, 2026-02-28",   // 31 January + 1 month: the last day of February
            "2026-01-30, 2026-02-28",
            "2026-01-28, 2026-02-28",
            "2028-01-31, 2028-02-29",   // leap year
            "2028-02-29, 2028-03-29",
            "2026-03-31, 2026-04-30",
            "2026-12-15, 2027-01-15"})
    void a_gdpr_month_from_receipt_ends_on_the_same_day_number_or_the_last_day_of_a_shorter_month(String received, String due) {
        Instant lawDue = ClockMath.lawDue(GDPR, noon(received, BRUSSELS));
        assertThat(dayOf(lawDue, BRUSSELS)).isEqualTo(LocalDate.parse(due));
        assertThat(lawDue.atZone(BRUSSELS).toLocalTime()).isEqualTo(java.time.LocalTime.of(23, 59, 59, 999_999_000));
    }

    @Test
    void a_gdpr_month_counts_from_the_day_of_receipt_in_brussels_not_in_utc() {
        // 23:30 UTC on 31 January is already 1 February in Brussels
        Instant lateEvening = LocalDateTime.parse("2026-01-31T23:30").atZone(java.time.ZoneOffset.UTC).toInstant();
        assertThat(dayOf(ClockMath.lawDue(GDPR, lateEvening), BRUSSELS)).isEqualTo(LocalDate.parse("2026-03-01"));
    }

    @Test
    void the_gdpr_extension_adds_two_months_to_the_law_s_due_date() {
        Instant lawDue = ClockMath.lawDue(GDPR, noon("2026-01-31", BRUSSELS));
        assertThat(dayOf(ClockMath.extended(GDPR, lawDue), BRUSSELS)).isEqualTo(LocalDate.parse("2026-04-28"));
    }

    @Test
    void ccpa_answers_within_45_calendar_days_and_extends_by_45_more() {
        Instant lawDue = ClockMath.lawDue(CCPA, noon("2026-05-22", LOS_ANGELES));
        assertThat(dayOf(lawDue, LOS_ANGELES)).isEqualTo(LocalDate.parse("2026-07-06"));
        assertThat(dayOf(ClockMath.extended(CCPA, lawDue), LOS_ANGELES)).isEqualTo(LocalDate.parse("2026-08-20"));
    }

    @ParameterizedTest(name = "received {0}: acknowledge by end of {1}")
    @CsvSource({
            // Friday before Memorial Day (25 May 2026): the weekend and the holiday do not count
            "2026-05-22, 2026-06-08",
            // Wednesday before Thanksgiving (26 Nov 2026); the Friday after is a business day
            "2026-11-25, 2026-12-10",
            // Independence Day 2026 falls on a Saturday and is observed on Friday 3 July
            "2026-07-02, 2026-07-17",
            // received on a Saturday: counting starts on Monday
            "2026-05-23, 2026-06-08",
            // across Christmas and New Year's Day 2027 (both Fridays)
            "2026-12-23, 2027-01-08"})
    void ccpa_acknowledges_within_10_business_days_skipping_weekends_and_federal_holidays(String received, String ackBy) {
        assertThat(dayOf(ClockMath.acknowledgeBy(CCPA, noon(received, LOS_ANGELES)), LOS_ANGELES)).isEqualTo(LocalDate.parse(ackBy));
    }

    @Test
    void gdpr_asks_for_no_acknowledgement() {
        assertThat(ClockMath.acknowledgeBy(GDPR, noon("2026-05-22", BRUSSELS))).isNull();
    }

    @Test
    void federal_holidays_follow_their_rules_and_weekend_observance() {
        assertThat(UsFederalHolidays.observedIn(2026)).containsExactly(
                LocalDate.parse("2026-01-01"), LocalDate.parse("2026-01-19"), LocalDate.parse("2026-02-16"),
                LocalDate.parse("2026-05-25"), LocalDate.parse("2026-06-19"), LocalDate.parse("2026-07-03"),
                LocalDate.parse("2026-09-07"), LocalDate.parse("2026-10-12"), LocalDate.parse("2026-11-11"),
                LocalDate.parse("2026-11-26"), LocalDate.parse("2026-12-25"));
        // New Year's Day 2028 is a Saturday: observed on Friday 31 December 2027
        assertThat(UsFederalHolidays.isHoliday(LocalDate.parse("2027-12-31"))).isTrue();
        assertThat(UsFederalHolidays.isHoliday(LocalDate.parse("2028-01-01"))).isFalse();
        // Juneteenth 2027 is a Saturday: observed Friday 18 June; Christmas 2022 a Sunday: observed Monday 26th
        assertThat(UsFederalHolidays.isHoliday(LocalDate.parse("2027-06-18"))).isTrue();
        assertThat(UsFederalHolidays.isHoliday(LocalDate.parse("2022-12-26"))).isTrue();
    }

    @Test
    void the_earlier_of_law_and_promise_decides_and_a_missing_one_gives_way() {
        Instant received = noon("2026-03-02", LOS_ANGELES);
        Instant law = ClockMath.lawDue(CCPA, received);
        Instant promise30 = ClockMath.promiseDue(30, received, LOS_ANGELES);
        Instant promise60 = ClockMath.promiseDue(60, received, LOS_ANGELES);
        assertThat(ClockMath.earlier(law, promise30)).isEqualTo(promise30);
        assertThat(ClockMath.earlier(law, promise60)).isEqualTo(law);
        assertThat(ClockMath.earlier(null, promise30)).isEqualTo(promise30);
        assertThat(ClockMath.earlier(law, null)).isEqualTo(law);
        assertThat(ClockMath.earlier(null, null)).isNull();
    }

    @Test
    void a_pause_counts_whole_days_of_the_rule_s_zone_and_moves_the_due_date_as_much() {
        Instant paused = LocalDateTime.parse("2026-03-02T17:00").atZone(BRUSSELS).toInstant();
        assertThat(ClockMath.pausedDays(paused, LocalDateTime.parse("2026-03-02T23:00").atZone(BRUSSELS).toInstant(), BRUSSELS)).isZero();
        assertThat(ClockMath.pausedDays(paused, LocalDateTime.parse("2026-03-05T09:00").atZone(BRUSSELS).toInstant(), BRUSSELS)).isEqualTo(3);
        Instant due = ClockMath.lawDue(GDPR, noon("2026-03-02", BRUSSELS));
        assertThat(dayOf(ClockMath.shifted(due, 3, BRUSSELS), BRUSSELS)).isEqualTo(LocalDate.parse("2026-04-05"));
        assertThat(ClockMath.shifted(null, 3, BRUSSELS)).isNull();
    }
}
