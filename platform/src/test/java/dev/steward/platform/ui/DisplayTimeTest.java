package dev.steward.platform.ui;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class DisplayTimeTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void a_deadline_at_midnight_of_the_users_zone_is_the_day_it_ends() {
        assertThat(DisplayTime.due(Instant.parse("2026-12-21T23:00:00Z"), BERLIN)).isEqualTo("end of 21 Dec 2026");
    }

    @Test
    void any_other_deadline_and_a_midnight_of_another_zone_are_shown_with_their_time_and_zone() {
        assertThat(DisplayTime.due(Instant.parse("2026-12-22T00:00:00Z"), BERLIN)).isEqualTo("2026-12-22 01:00 CET");
        assertThat(DisplayTime.due(Instant.parse("2026-12-21T15:30:00Z"), BERLIN)).isEqualTo("2026-12-21 16:30 CET");
    }
}
