package dev.steward.incidents.ui;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.QueryParameters;
import dev.steward.incidents.Incident;
import dev.steward.incidents.IncidentForm;
import dev.steward.incidents.IncidentPermissions;
import dev.steward.incidents.IncidentRow;
import dev.steward.incidents.IncidentService;
import dev.steward.incidents.IncidentSource;
import dev.steward.incidents.IncidentStats;
import dev.steward.incidents.IncidentType;
import dev.steward.incidents.NoticeDue;
import dev.steward.incidents.OurRole;
import dev.steward.incidents.obligations.ObligationService;
import dev.steward.platform.plugin.ExtensionRegistry;
import dev.steward.platform.security.Role;
import dev.steward.testkit.console.ConsoleTestApplication;
import dev.steward.testkit.console.Dashboard;
import dev.steward.testkit.console.KaribuTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** The capped notice cards say "N of M" and link to the incidents list narrowed to exactly those incidents. */
@SpringBootTest(classes = ConsoleTestApplication.class)
class CappedNoticeCardsUiTest extends KaribuTest {

    @Autowired
    ExtensionRegistry registry;

    private <T> T bean(Class<T> type) {
        return registry.contextOf(IncidentPermissions.PLUGIN_ID).orElseThrow().getBean(type);
    }

    @Test
    void the_overdue_card_shows_five_of_all_overdue_notices_and_its_link_lists_every_incident_holding_one() {
        loginAs("olivia", Role.PRIVACY_OFFICER);
        List<Incident> late = incidentsWithNotices("Late notice", 7, Duration.ofHours(-5));
        int total = bean(IncidentStats.class).noticeCount(NoticeDue.OVERDUE);

        Anchor showAll = showAllOf("Overdue notices", IncidentWidgets.OVERDUE_SHOWN + " of " + total + " overdue notices");
        assertThat(showAll.getHref()).isEqualTo("incidents?notices=overdue");

        IncidentsView list = open(showAll);
        assertThat(list.notices.getValue()).isEqualTo(NoticeDue.OVERDUE);
        assertThat(showAll.getText()).isEqualTo("Show all (" + GridKt._size(list.grid) + " incidents)");
        assertThat(rows(list).stream().map(IncidentRow::id)).containsAll(late.stream().map(Incident::id).toList());
        assertThat(GridKt._size(list.grid)).isLessThanOrEqualTo(total);
    }

    @Test
    void the_due_soon_card_shows_eight_and_its_list_holds_those_due_in_72_hours_but_not_later_ones() {
        loginAs("olivia", Role.PRIVACY_OFFICER);
        List<Incident> soon = incidentsWithNotices("Due soon", 10, Duration.ofHours(20));
        List<Incident> later = incidentsWithNotices("Due next week", 1, Duration.ofDays(7));
        int total = bean(IncidentStats.class).noticeCount(NoticeDue.DUE_72H);

        Anchor showAll = showAllOf("Notices due in the next 72 hours", IncidentWidgets.DUE_SOON_SHOWN + " of " + total + " notices due");
        IncidentsView list = open(showAll);
        assertThat(showAll.getText()).isEqualTo("Show all (" + GridKt._size(list.grid) + " incidents)");
        List<Long> ids = rows(list).stream().map(IncidentRow::id).toList();
        assertThat(ids).containsAll(soon.stream().map(Incident::id).toList()).doesNotContain(later.getFirst().id());

        setValue(list.notices, NoticeDue.DUE_30D);
        assertThat(rows(list).stream().map(IncidentRow::id)).contains(later.getFirst().id());
        setValue(list.notices, null);
        assertThat(list.openOnly.getValue()).as("clearing the notice filter brings back 'open only'").isTrue();
        assertThat(list.openOnly.isEnabled()).isTrue();
    }

    @Test
    void the_30_day_chart_leads_to_the_incidents_with_notices_due() {
        loginAs("olivia", Role.PRIVACY_OFFICER);
        Dashboard.open();
        var chart = Dashboard.chart("Notices due in the next 30 days").orElseThrow();
        assertThat(chart.list().getHref()).isEqualTo("incidents?notices=due30d");
        chart.chart().clicked(chart.chart().options().categories().getFirst());
        assertThat(Dashboard.location()).isEqualTo("incidents?notices=due30d");
        assertThat(_get(IncidentsView.class).notices.getValue()).isEqualTo(NoticeDue.DUE_30D);
    }

    @Test
    void an_unknown_notice_filter_says_so_and_shows_the_unfiltered_list() {
        loginAs("olivia", Role.PRIVACY_OFFICER);
        NotificationsKt.clearNotifications();
        navigate("incidents?notices=someday");
        IncidentsView list = _get(IncidentsView.class);
        assertThat(list.notices.getValue()).isNull();
        assertThat(list.openOnly.getValue()).isTrue();
        NotificationsKt.expectNotifications("Unknown notice filter \"someday\": use overdue, due72h or due30d. Showing all open incidents.");
    }

    private List<Incident> incidentsWithNotices(String title, int count, Duration dueFromNow) {
        List<Incident> created = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Incident incident = bean(IncidentService.class).create(IncidentForm.of(title + " " + i, IncidentType.PHISHING,
                    IncidentSource.INTERNAL, OurRole.CONTROLLER, Instant.now().minus(Duration.ofDays(2))));
            bean(ObligationService.class).addManual(incident.id(), "Contract", "Customer " + i, "", Instant.now().plus(dueFromNow),
                    "Contract clause 9");
            created.add(incident);
        }
        return created;
    }

    /** The card with this title says the cap line and holds a "Show all" link. */
    private static Anchor showAllOf(String title, String capLine) {
        Dashboard.open();
        var card = Dashboard.card(title).orElseThrow();
        assertThat(descendants(card).filter(Span.class::isInstance).map(c -> ((Span) c).getText())).contains(capLine);
        return descendants(card).filter(Anchor.class::isInstance).map(Anchor.class::cast)
                .filter(a -> a.getText().startsWith("Show all")).findFirst().orElseThrow();
    }

    private static Stream<com.vaadin.flow.component.Component> descendants(com.vaadin.flow.component.Component c) {
        return Stream.concat(Stream.of(c), c.getChildren().flatMap(CappedNoticeCardsUiTest::descendants));
    }

    private static IncidentsView open(Anchor link) {
        navigate(link.getHref());
        assertThat(Dashboard.location()).isEqualTo(link.getHref());
        return _get(IncidentsView.class);
    }

    /** Where a link in the browser goes: the path and its query. */
    private static void navigate(String href) {
        String[] parts = href.split("\\?", 2);
        UI.getCurrent().navigate(parts[0], QueryParameters.fromString(parts.length > 1 ? parts[1] : ""));
    }

    private static List<IncidentRow> rows(IncidentsView list) {
        return GridKt._findAll(list.grid);
    }
}
