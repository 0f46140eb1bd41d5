package dev.steward.incidents.ui;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import dev.steward.incidents.Incident;
import dev.steward.incidents.IncidentForm;
import dev.steward.incidents.IncidentPermissions;
import dev.steward.incidents.IncidentService;
import dev.steward.incidents.IncidentSource;
import dev.steward.incidents.IncidentType;
import dev.steward.incidents.OurRole;
import dev.steward.incidents.RiskLevel;
import dev.steward.incidents.assessment.AssessmentService;
import dev.steward.incidents.obligations.NotificationRule.ClockStart;
import dev.steward.incidents.obligations.NotificationRule.DeadlineKind;
import dev.steward.incidents.obligations.NotificationRule.RecipientKind;
import dev.steward.incidents.obligations.Obligation;
import dev.steward.incidents.obligations.ObligationService;
import dev.steward.incidents.obligations.RuleService;
import dev.steward.platform.plugin.ExtensionRegistry;
import dev.steward.platform.security.Role;
import dev.steward.testkit.console.ConsoleTestApplication;
import dev.steward.testkit.console.KaribuTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.function.Predicate;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An incident's notices as people read them: why a notice is not owed, deadlines as days in the rule's zone, times in
 * the user's zone, labels instead of codes, and a warning before a notice with placeholders is issued.
 */
@SpringBootTest(classes = ConsoleTestApplication.class)
class NoticesUiTest extends KaribuTest {

    @Autowired
    ExtensionRegistry registry;

    private <T> T bean(Class<T> type) {
        return registry.contextOf(IncidentPermissions.PLUGIN_ID).orElseThrow().getBean(type);
    }

    private Incident create(String title, Instant discovered, Instant aware, Map<String, Integer> residents, boolean encrypted) {
        IncidentForm form = IncidentForm.of(title, IncidentType.LOST_DEVICE, IncidentSource.INTERNAL, OurRole.CONTROLLER, discovered);
        form.setAwareAt(aware);
        form.setResidents(residents);
        form.setEncrypted(encrypted);
        return bean(IncidentService.class).create(form);
    }

    private IncidentView open(Incident incident) {
        UI.getCurrent().navigate("incidents/" + incident.id());
        return _get(IncidentView.class);
    }

    private static Instant hoursAgo(long hours) {
        return Instant.now().minus(Duration.ofHours(hours)).truncatedTo(ChronoUnit.SECONDS);
    }

    @Test
    void the_notifications_tab_says_which_notices_are_not_owed_and_why() {
        loginAs("olivia", Role.PRIVACY_OFFICER);
        Incident incident = create("Encrypted laptop stolen", hoursAgo(30), hoursAgo(20), Map.of("IE", 40), true);
        bean(AssessmentService.class).concludeRisk(incident.id(), incident.version(), RiskLevel.HIGH_RISK, "Patients' records");

        IncidentView view = open(incident);
        assertThat(view.badges.getText()).endsWith("· a high risk to individuals").doesNotContain("risk high risk");
        ObligationsPanel notices = (ObligationsPanel) view.openTab("Notifications");

        assertThat(GridKt._findAll(notices.grid)).extracting(Obligation::ruleKey).containsExactly("gdpr.authority");
        assertThat(notices.notOwed.isVisible()).isTrue();
        assertThat(_find(notices.notOwed, Paragraph.class)).extracting(Paragraph::getText).contains(
                "GDPR · Data subjects — not owed: the data was encrypted and the key is safe (GDPR Art. 34(1), 34(3))");
    }

    @Test
    void a_deadline_that_ends_a_day_is_shown_as_that_day_in_the_rules_zone() {
        loginAs("olivia", Role.PRIVACY_OFFICER);
        // discovered 1 March 2026, 10:00 in Los Angeles: 30 calendar days end on 31 March there (07:00 UTC on 1 April)
        Incident incident = create("Customer list on a lost USB stick", Instant.parse("2026-03-01T18:00:00Z"), null,
                Map.of("US-CA", 10), false);

        ObligationsPanel notices = (ObligationsPanel) open(incident).openTab("Notifications");

        int row = row(notices.grid, o -> "ca.residents".equals(o.ruleKey()));
        assertThat(GridKt._getFormatted(notices.grid, row, "due")).isEqualTo("by end of 31 Mar 2026, Los Angeles time");
    }

    @Test
    void timeline_times_are_shown_in_the_users_zone_and_its_entries_by_label() {
        loginAs("olivia", Role.PRIVACY_OFFICER);
        Incident incident = create("Phishing: payroll credentials", Instant.parse("2026-03-01T08:00:00Z"),
                Instant.parse("2026-03-01T09:00:00Z"), Map.of("DE", 5), false);
        IncidentForm facts = incident.facts();
        facts.setAwareAt(Instant.parse("2026-03-01T10:00:00Z"));
        bean(IncidentService.class).update(incident.id(), incident.version(), facts);

        TimeZone serverZone = TimeZone.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("Europe/Berlin")); // the zone until the browser tells its own
            TimelinePanel timeline = (TimelinePanel) open(incident).openTab("Timeline");
            int last = GridKt._size(timeline.grid) - 1;
            assertThat(GridKt._getFormatted(timeline.grid, last, "details")).isEqualTo(
                    "Obligations: GDPR · Lead supervisory authority due moved from 2026-03-04 10:00 CET to 2026-03-04 11:00 CET");
            assertThat(GridKt._getFormatted(timeline.grid, last, "what")).isEqualTo("Notification");

            TimeZone.setDefault(TimeZone.getTimeZone("America/New_York"));
            timeline = (TimelinePanel) open(incident).openTab("Timeline");
            assertThat(GridKt._getFormatted(timeline.grid, last, "details")).isEqualTo(
                    "Obligations: GDPR · Lead supervisory authority due moved from 2026-03-04 04:00 EST to 2026-03-04 05:00 EST");
        } finally {
            TimeZone.setDefault(serverZone);
        }
    }

    @Test
    void issuing_a_notice_that_still_has_placeholders_warns_and_lists_them_first() {
        loginAs("olivia", Role.PRIVACY_OFFICER);
        Incident incident = create("Misdirected payslips", hoursAgo(30), hoursAgo(20), Map.of("DE", 12), false);
        ObligationsPanel notices = (ObligationsPanel) open(incident).openTab("Notifications");
        _click(button(notices.grid, o -> "gdpr.authority".equals(o.ruleKey()), "Draft notice"));
        NoticeDialog dialog = _get(NoticeDialog.class);

        _click(dialog.issue);

        assertThat(dialog.question.isOpened()).isTrue();
        assertThat(_find(dialog.placeholders, ListItem.class)).extracting(ListItem::getText)
                .containsExactly("[not yet known]", "[name, email and telephone of the DPO or other contact point]");
        Obligation authority = bean(ObligationService.class).of(incident.id()).getFirst();
        assertThat(authority.documentId()).as("nothing issued before the confirmation").isNull();

        ConfirmDialogKt._fireConfirm(dialog.question);

        assertThat(bean(ObligationService.class).find(authority.id()).orElseThrow().documentId()).isNotNull();
    }

    @Test
    void rule_and_template_choices_show_labels_not_codes() {
        loginAs("olivia", Role.PRIVACY_OFFICER);
        RuleDialog dialog = new RuleDialog(bean(RuleService.class), null, () -> { });
        assertThat(dialog.recipientKind.getItemLabelGenerator().apply(RecipientKind.AUTHORITY)).isEqualTo("Supervisory authority or regulator");
        assertThat(dialog.deadlineKind.getItemLabelGenerator().apply(DeadlineKind.HOURS)).isEqualTo("Hours (elapsed time)");
        assertThat(dialog.clockStart.getItemLabelGenerator().apply(ClockStart.AWARE)).isEqualTo("Awareness");
        assertThat(dialog.role.getItemLabelGenerator().apply("CONTROLLER")).isEqualTo("The controller's");

        UI.getCurrent().navigate(TemplatesView.class);
        TemplatesView templates = _get(TemplatesView.class);
        List<String> kinds = java.util.stream.IntStream.range(0, GridKt._size(templates.grid))
                .mapToObj(i -> GridKt._getFormatted(templates.grid, i, "for")).toList();
        assertThat(kinds).contains("Supervisory authority or regulator", "Individuals affected").noneMatch(k -> k.equals(k.toLowerCase()));
    }

    private static <T> int row(Grid<T> grid, Predicate<T> matching) {
        for (int i = 0; i < GridKt._size(grid); i++) {
            if (matching.test(GridKt._get(grid, i))) {
                return i;
            }
        }
        throw new AssertionError("No matching row in the grid");
    }

    private static <T> Button button(Grid<T> grid, Predicate<T> matching, String text) {
        var actions = GridKt._getCellComponent(grid, row(grid, matching), "actions");
        return _get(actions, Button.class, spec -> spec.withText(text));
    }
}
