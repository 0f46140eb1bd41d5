package dev.steward.incidents.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import dev.steward.incidents.Incident;
import dev.steward.incidents.IncidentForm;
import dev.steward.incidents.IncidentPermissions;
import dev.steward.incidents.IncidentService;
import dev.steward.incidents.IncidentSource;
import dev.steward.incidents.IncidentType;
import dev.steward.incidents.OurRole;
import dev.steward.incidents.obligations.ObligationService;
import dev.steward.platform.plugin.ExtensionRegistry;
import dev.steward.platform.security.Role;
import dev.steward.platform.ui.ChartCard;
import dev.steward.platform.ui.ChartOptions;
import dev.steward.platform.ui.DisplayTime;
import com.vaadin.flow.component.html.Span;
import dev.steward.testkit.console.ConsoleTestApplication;
import dev.steward.testkit.console.Dashboard;
import dev.steward.testkit.console.KaribuTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.time.temporal.ChronoUnit;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static org.assertj.core.api.Assertions.assertThat;

/** The incident charts on the dashboard, their links to the list, who sees them, and countdowns that tick. */
@SpringBootTest(classes = ConsoleTestApplication.class)
class IncidentDashboardUiTest extends KaribuTest {

    private static final String PER_WEEK = "Incidents opened and closed per week";
    private static final String DUE = "Notices due in the next 30 days";
    private static final String TIMES = "Time to contain and to notify, per month";

    @Autowired
    ExtensionRegistry registry;

    private <T> T bean(Class<T> type) {
        return registry.contextOf(IncidentPermissions.PLUGIN_ID).orElseThrow().getBean(type);
    }

    @Test
    void a_reader_sees_the_three_incident_charts_with_their_series_and_each_leads_to_its_incidents_list() {
        loginAs("ivy", Role.SECURITY_ANALYST);
        Dashboard.open();

        ChartOptions perWeek = Dashboard.chart(PER_WEEK).orElseThrow().chart().options();
        assertThat(perWeek.categories()).hasSize(IncidentChartWidgets.WEEKS);
        assertThat(perWeek.series()).extracting(ChartOptions.Series::name).containsExactly("Very high", "High", "Medium", "Low",
                "Not assessed", IncidentChartWidgets.CLOSED);
        assertThat(Dashboard.chart(DUE).orElseThrow().chart().options().series(IncidentChartWidgets.DUE).orElseThrow().values())
                .hasSize(IncidentChartWidgets.DAYS);
        assertThat(Dashboard.chart(TIMES).orElseThrow().chart().options().series()).extracting(ChartOptions.Series::name)
                .containsExactly(IncidentChartWidgets.TO_CONTAIN, IncidentChartWidgets.TO_NOTIFY);

        for (String title : new String[]{PER_WEEK, DUE, TIMES}) {
            ChartCard card = Dashboard.chart(title).orElseThrow();
            String list = title.equals(DUE) ? "incidents?notices=due30d" : "incidents";
            assertThat(card.list().getHref()).isEqualTo(list);
            Dashboard.open();
            Dashboard.chart(title).orElseThrow().chart().clicked(card.chart().options().categories().getFirst());
            String clicked = title.equals(PER_WEEK) ? OpenedWeek.of(LocalDate.now(DisplayTime.zone()).minusWeeks(IncidentChartWidgets.WEEKS - 1)).list()
                    : list;
            assertThat(Dashboard.location()).as(title).isEqualTo(clicked);
            Dashboard.open();
        }
    }

    @Test
    void the_time_chart_says_the_twelve_month_means_and_no_second_card_repeats_them() {
        loginAs("ivy", Role.SECURITY_ANALYST);
        Dashboard.open();
        ChartCard card = Dashboard.chart(TIMES).orElseThrow();
        assertThat(card.getChildren().filter(Span.class::isInstance).findFirst().orElseThrow().getElement().getText())
                .matches("Mean over 12 months: to contain \\(from discovery\\) .+; to notify \\(from awareness\\) .+");
        assertThat(Dashboard.titles()).doesNotContain("Mean time to contain and to notify (12 months)");
        assertThat(IncidentChartWidgets.meanTimes(Optional.of(Duration.ofHours(30)), Optional.of(Duration.ofMinutes(135))))
                .isEqualTo("Mean over 12 months: to contain (from discovery) 1 d 6 h; to notify (from awareness) 2 h 15 min");
        assertThat(IncidentChartWidgets.meanTimes(Optional.empty(), Optional.empty()))
                .isEqualTo("Mean over 12 months: to contain (from discovery) no data; to notify (from awareness) no data");
    }

    @Test
    void a_user_without_the_incident_permission_gets_no_incident_chart() {
        loginAs("max", Role.MANAGER);
        Dashboard.open();
        assertThat(Dashboard.titles()).doesNotContain(PER_WEEK, DUE, TIMES);
    }

    @Test
    void the_dashboards_notice_countdowns_tick_while_it_is_open_and_stop_polling_when_it_is_left() {
        loginAs("olivia", Role.PRIVACY_OFFICER);
        Incident incident = bean(IncidentService.class).create(IncidentForm.of("Countdown on the dashboard", IncidentType.PHISHING,
                IncidentSource.INTERNAL, OurRole.CONTROLLER, Instant.now().minus(Duration.ofHours(2))));
        Instant due = Instant.now().plus(Duration.ofMinutes(3)).truncatedTo(ChronoUnit.MINUTES);
        bean(ObligationService.class).addManual(incident.id(), "Contract", "Customer", "", due, "Contract clause 9");
        Dashboard.open();
        Anchor countdown = _find(Anchor.class).stream().filter(a -> a.getText().startsWith(incident.reference() + " ·")).findFirst().orElseThrow();
        assertThat(countdown.getText()).contains("· in ");
        assertThat(UI.getCurrent().getPollInterval()).isPositive();

        Dashboard.tick(due.plus(Duration.ofMinutes(70)));
        assertThat(countdown.getText()).isEqualTo(incident.reference() + " · Contract · Customer · 1 h 10 min overdue");

        UI.getCurrent().navigate("incidents");
        assertThat(UI.getCurrent().getPollInterval()).as("no polling once the countdowns are gone").isEqualTo(-1);
    }
}
