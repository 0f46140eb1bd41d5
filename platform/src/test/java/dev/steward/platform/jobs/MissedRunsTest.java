package dev.steward.platform.jobs;

import dev.steward.platform.spi.ScheduledJob.Schedule;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Which ticks count as missed: those due after the last run that are later than half an interval (at most 5 min). */
class MissedRunsTest {

    private static final Instant LAST = Instant.parse("2026-03-02T09:00:00Z");

    @Test
    void a_fixed_delay_job_on_time_or_a_little_late_missed_nothing() {
        Schedule every30s = Schedule.every(Duration.ofSeconds(30));
        assertThat(MissedRuns.gap(every30s, LAST, LAST.plusSeconds(30))).isEmpty();
        assertThat(MissedRuns.gap(every30s, LAST, LAST.plusSeconds(44))).isEmpty();
    }

    @Test
    void a_fixed_delay_job_silent_for_ten_minutes_missed_each_tick_but_the_one_now_due() {
        var gap = MissedRuns.gap(Schedule.every(Duration.ofSeconds(30)), LAST, LAST.plus(Duration.ofMinutes(10))).orElseThrow();
        assertThat(gap.ticks()).isEqualTo(19);
        assertThat(gap.first()).isEqualTo(LAST.plusSeconds(30));
        assertThat(gap.last()).isEqualTo(LAST.plusSeconds(19 * 30));
    }

    @Test
    void a_daily_job_whose_console_was_down_over_its_hour_missed_that_run_once_it_is_five_minutes_late() {
        Schedule daily7 = Schedule.cron("0 0 7 * * *");
        Instant yesterday = Instant.parse("2026-03-01T07:00:01Z");
        assertThat(MissedRuns.gap(daily7, yesterday, Instant.parse("2026-03-02T07:04:00Z"))).isEmpty();
        var gap = MissedRuns.gap(daily7, yesterday, Instant.parse("2026-03-02T08:00:00Z")).orElseThrow();
        assertThat(gap.ticks()).isEqualTo(1);
        assertThat(gap.first()).isEqualTo(Instant.parse("2026-03-02T07:00:00Z"));
    }

    @Test
    void a_once_a_second_job_has_a_grace_of_one_second() {
        assertThat(MissedRuns.grace(Schedule.every(Duration.ofSeconds(1)), LAST)).isEqualTo(Duration.ofSeconds(1));
        assertThat(MissedRuns.grace(Schedule.cron("0 * * * * *"), LAST)).isEqualTo(Duration.ofSeconds(30));
    }
}
