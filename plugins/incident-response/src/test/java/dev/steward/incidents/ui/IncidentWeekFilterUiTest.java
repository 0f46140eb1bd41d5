package dev.steward.incidents.ui;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.QueryParameters;
import dev.steward.incidents.Incident;
import dev.steward.incidents.IncidentForm;
import dev.steward.incidents.IncidentPermissions;
import dev.steward.incidents.IncidentRow;
import dev.steward.incidents.IncidentService;
import dev.steward.incidents.IncidentSource;
import dev.steward.incidents.IncidentType;
import dev.steward.incidents.OurRole;
import dev.steward.platform.plugin.ExtensionRegistry;
import dev.steward.platform.security.Role;
import dev.steward.platform.ui.DisplayTime;
import dev.steward.testkit.console.ConsoleTestApplication;
import dev.steward.testkit.console.Dashboard;
import dev.steward.testkit.console.KaribuTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** A bar of the weekly incidents chart opens the incidents discovered in that week, closed ones included. */
@SpringBootTest(classes = ConsoleTestApplication.class)
class IncidentWeekFilterUiTest extends KaribuTest {

    @Autowired
    ExtensionRegistry registry;

    final String suffix = UUID.randomUUID().toString().substring(0, 6);

    private <T> T bean(Class<T> type) {
        return registry.contextOf(IncidentPermissions.PLUGIN_ID).orElseThrow().getBean(type);
    }

    private Incident discovered(String title, Instant at) {
        return bean(IncidentService.class).create(IncidentForm.of(title + " " + suffix, IncidentType.PHISHING, IncidentSource.INTERNAL,
                OurRole.CONTROLLER, at));
    }

    @Test
    void this_weeks_bar_opens_the_list_of_incidents_discovered_this_week_only() {
        loginAs("olivia", Role.PRIVACY_OFFICER);
        Incident thisWeek = discovered("This week", Instant.now().minus(Duration.ofMinutes(1)));
        Incident earlier = discovered("Two weeks ago", Instant.now().minus(Duration.ofDays(14)));
        OpenedWeek week = OpenedWeek.of(LocalDate.now(DisplayTime.zone()));

        Dashboard.open();
        var chart = Dashboard.chart("Incidents opened and closed per week").orElseThrow().chart();
        chart.clicked(chart.options().categories().getLast());
        assertThat(Dashboard.location()).isEqualTo("incidents?opened=" + week.parameter());

        IncidentsView list = _get(IncidentsView.class);
        assertThat(list.openOnly.getValue()).as("closed incidents were opened that week too").isFalse();
        assertThat(list.openedFilter.isVisible()).isTrue();
        assertThat(list.openedFilter.getText()).startsWith("Opened ");
        assertThat(GridKt._findAll(list.grid)).extracting(IncidentRow::id).contains(thisWeek.id()).doesNotContain(earlier.id());
        assertThat(GridKt._findAll(list.grid)).extracting(IncidentRow::discoveredAt).allSatisfy(at -> assertThat(at)
                .isBetween(week.span(DisplayTime.zone()).from(), week.span(DisplayTime.zone()).before()));

        _click(list.openedFilter);
        assertThat(list.openedFilter.isVisible()).isFalse();
        assertThat(GridKt._findAll(list.grid)).extracting(IncidentRow::id).contains(thisWeek.id(), earlier.id());
    }

    @Test
    void a_week_that_does_not_exist_says_so_and_shows_every_week() {
        loginAs("olivia", Role.PRIVACY_OFFICER);
        NotificationsKt.clearNotifications();
        UI.getCurrent().navigate("incidents", QueryParameters.fromString("opened=2026-W54"));
        IncidentsView list = _get(IncidentsView.class);
        assertThat(list.openedFilter.isVisible()).isFalse();
        assertThat(list.openOnly.getValue()).isTrue();
        NotificationsKt.expectNotifications("Unknown week \"2026-W54\": use a week such as 2026-W49. Showing incidents of every week.");
    }

    @Test
    void an_iso_week_is_read_and_written_the_same_way_and_runs_monday_to_sunday() {
        OpenedWeek week = OpenedWeek.parse("2026-W01").orElseThrow();
        assertThat(week.monday()).isEqualTo(LocalDate.of(2025, 12, 29));
        assertThat(week.parameter()).isEqualTo("2026-W01");
        assertThat(week.label()).isEqualTo("Opened 29 Dec – 4 Jan 2026");
        assertThat(OpenedWeek.parse("2025-W53")).isEmpty();
        assertThat(OpenedWeek.parse("2020-W53")).isPresent();
        assertThat(OpenedWeek.parse("last week")).isEmpty();
    }
}
