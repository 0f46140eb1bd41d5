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

    @Test
    void the_users_chosen_zone_wins_over_the_browsers_and_without_one_the_browsers_is_used() {
        ZoneId browser = ZoneId.of("America/Los_Angeles");
        assertThat(DisplayTime.zone(java.util.Optional.of(BERLIN), browser)).isEqualTo(BERLIN);
        assertThat(DisplayTime.zone(java.util.Optional.empty(), browser)).isEqualTo(browser);
    }

    @Test
    void every_zone_offered_reads_with_its_name_and_offset_and_is_one_a_user_may_choose() {
        Instant winter = Instant.parse("2026-01-15T12:00:00Z");
        assertThat(ZoneChoices.label(ZoneId.of("America/Los_Angeles"), winter)).isEqualTo("America/Los Angeles · Pacific Time · UTC-08:00");
        assertThat(ZoneChoices.label(ZoneId.of("UTC"), winter)).startsWith("UTC");
        var all = ZoneChoices.all(winter);
        assertThat(all).extracting(ZoneChoices.ZoneChoice::id).contains("Europe/Berlin", "Asia/Kolkata", "UTC")
                .doesNotContain("US/Pacific", "EST", "Etc/GMT+5")
                .allMatch(dev.steward.platform.security.UserTimeZones::choosable);
        assertThat(all.getFirst().label()).as("west to east").endsWith("UTC-11:00");
    }
}
