package dev.steward.platform.deadlines;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import static org.assertj.core.api.Assertions.assertThat;

class DueDatesTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private static Instant at(String local, ZoneId zone) {
        return LocalDateTime.parse(local).atZone(zone).toInstant();
    }

    private static ZonedDateTime in(Instant instant, ZoneId zone) {
        return instant.atZone(zone);
    }

    @Test
    void seventy_two_hours_across_the_spring_change_end_an_hour_later_on_the_wall_clock() {
        // Berlin moves from 02:00 to 03:00 on 29 March 2026
        Instant aware = at("2026-03-28T10:00", BERLIN);
        Instant due = DueDates.elapsedHours(aware, 72);
        assertThat(in(due, BERLIN).toLocalDateTime()).isEqualTo(LocalDateTime.parse("2026-03-31T11:00"));
        assertThat(java.time.Duration.between(aware, due).toHours()).isEqualTo(72);
    }

    @Test
    void seventy_two_hours_across_the_autumn_change_end_an_hour_earlier_on_the_wall_clock() {
        // New York moves from 02:00 back to 01:00 on 1 November 2026
        Instant aware = at("2026-10-31T09:30", NEW_YORK);
        assertThat(in(DueDates.elapsedHours(aware, 72), NEW_YORK).toLocalDateTime()).isEqualTo(LocalDateTime.parse("2026-11-03T08:30"));
    }

    @Test
    void calendar_days_end_at_the_end_of_the_local_day_whatever_the_clock_shift() {
        Instant discovered = at("2026-03-28T10:00", BERLIN);
        assertThat(in(DueDates.calendarDays(discovered, 3, BERLIN), BERLIN).toLocalDateTime())
                .isEqualTo(LocalDateTime.parse("2026-03-31T23:59:59.999999999"));
        // 30 calendar days from a late-evening discovery in New York count from that New York date
        Instant lateEvening = at("2026-10-31T23:30", NEW_YORK);
        assertThat(in(DueDates.calendarDays(lateEvening, 30, NEW_YORK), NEW_YORK).toLocalDate()).isEqualTo(java.time.LocalDate.parse("2026-11-30"));
        // the same instant is already 1 November in Berlin: the zone of the rule matters
        assertThat(in(DueDates.calendarDays(lateEvening, 30, BERLIN), BERLIN).toLocalDate()).isEqualTo(java.time.LocalDate.parse("2026-12-01"));
    }

    @Test
    void one_month_from_a_month_end_is_the_last_day_of_the_shorter_month() {
        assertThat(in(DueDates.calendarMonths(at("2026-01-31T12:00", BERLIN), 1, BERLIN), BERLIN).toLocalDate())
                .isEqualTo(java.time.LocalDate.parse("2026-02-28"));
        assertThat(in(DueDates.calendarMonths(at("2028-01-31T12:00", BERLIN), 1, BERLIN), BERLIN).toLocalDate())
                .isEqualTo(java.time.LocalDate.parse("2028-02-29"));
        assertThat(in(DueDates.calendarMonths(at("2026-03-31T12:00", BERLIN), 3, BERLIN), BERLIN).toLocalDate())
                .isEqualTo(java.time.LocalDate.parse("2026-06-30"));
        assertThat(in(DueDates.calendarMonths(at("2026-12-15T12:00", BERLIN), 1, BERLIN), BERLIN).toLocalDate())
                .isEqualTo(java.time.LocalDate.parse("2027-01-15"));
    }
}
