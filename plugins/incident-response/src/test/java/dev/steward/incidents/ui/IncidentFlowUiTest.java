package dev.steward.incidents.ui;

import dev.steward.testkit.console.ConsoleTestApplication;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import dev.steward.testkit.console.KaribuTest;
import dev.steward.incidents.IncidentForm;
import dev.steward.incidents.IncidentType;
import dev.steward.platform.catalog.CatalogEntry;
import dev.steward.incidents.Phase;
import dev.steward.incidents.RiskLevel;
import dev.steward.incidents.obligations.Obligation;
import dev.steward.incidents.obligations.ObligationStatus;
import dev.steward.incidents.work.Task;
import dev.steward.platform.security.Role;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.function.Predicate;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.jooq.impl.DSL.table;

/**
 * The key flow through the real components: log an incident, give its facts, assess, decide and send the notice, close.
 * (In the plugin's UI package to reach its components; the console application is named because it lies elsewhere.)
 */
@SpringBootTest(classes = ConsoleTestApplication.class)
class IncidentFlowUiTest extends KaribuTest {

    @Autowired
    DSLContext dsl;

    @Test
    void a_privacy_officer_logs_assesses_notifies_and_closes_an_incident() {
        loginAs("olivia", Role.PRIVACY_OFFICER);
        UI.getCurrent().navigate(IncidentsView.class);
        _click(_get(IncidentsView.class).log);
        LogIncidentDialog log = _get(LogIncidentDialog.class);
        setValue(log.title, "Laptop with HR files stolen");
        setValue(log.type, IncidentType.LOST_DEVICE);
        setValue(log.discovered, LocalDateTime.now().minusHours(10).withNano(0));
        setValue(log.aware, LocalDateTime.now().minusHours(9).withNano(0));
        _click(log.save);

        IncidentView view = _get(IncidentView.class);
        assertThat(view.heading.getText()).matches("INC-\\d{4}-\\d{5} · Laptop with HR files stolen");
        assertThat(view.missing.getText()).isEmpty(); // assigned to olivia: ready for triage
        _click(view.advance);
        assertThat(view.incident().phase()).isEqualTo(Phase.TRIAGE);

        FactsPanel facts = (FactsPanel) view.openTab("Facts");
        facts.residency.put("DE", 300);
        setValue(facts.contained, LocalDateTime.now().minusHours(8).withNano(0));
        _click(facts.save);
        ObligationsPanel notices = (ObligationsPanel) view.openTab("Notifications");
        assertThat(GridKt._findAll(notices.grid)).extracting(Obligation::ruleKey).containsExactly("gdpr.authority");
        _click(view.advance);
        assertThat(view.missing.getText()).contains("Assess the severity (ENISA)", "Conclude the risk to individuals");

        AssessmentPanel assessment = (AssessmentPanel) view.openTab("Assessment");
        setValue(assessment.dpcBasic, 4);
        setValue(assessment.ei, new BigDecimal("0.75"));
        setValue(assessment.eiReason, "Names with HR case notes");
        setValue(assessment.cbConfidentiality, new BigDecimal("0.50"));
        assertThat(assessment.preview.getText()).isEqualTo("Severity 3.50 · High");
        _click(assessment.assess);
        assessment = (AssessmentPanel) view.openTab("Assessment");
        setValue(assessment.risk, RiskLevel.RISK);
        setValue(assessment.riskReasoning, "Sensitive HR data, disk not encrypted");
        _click(assessment.conclude);
        assertThat(view.incident().severity().label()).isEqualTo("High");
        _click(view.advance);
        assertThat(view.incident().phase()).isEqualTo(Phase.ASSESSED);

        notices = (ObligationsPanel) view.openTab("Notifications");
        _click(button(notices.grid, o -> o.ruleKey().equals("gdpr.authority"), "Required"));
        notices = (ObligationsPanel) view.openTab("Notifications");
        _click(button(notices.grid, o -> o.ruleKey().equals("gdpr.authority"), "Draft notice"));
        NoticeDialog notice = _get(NoticeDialog.class);
        assertThat(notice.text.getValue()).contains("Notification of a personal data breach under Article 33 GDPR");
        assertThat(notice.missing.getText()).contains("the approximate number of records");
        _click(notice.issue);
        assertThat(notice.question.isOpened()).as("issuing asks first").isTrue();
        ConfirmDialogKt._fireConfirm(notice.question);
        notices = (ObligationsPanel) view.openTab("Notifications");
        _click(button(notices.grid, o -> o.ruleKey().equals("gdpr.authority"), "Record sent"));
        RecordSentDialog sent = _get(RecordSentDialog.class);
        setValue(sent.reference, "BfDI-2026-0042");
        _click(sent.save);
        notices = (ObligationsPanel) view.openTab("Notifications");
        assertThat(GridKt._get(notices.grid, 0).status()).isEqualTo(ObligationStatus.SENT);
        _click(view.advance);
        assertThat(view.incident().phase()).isEqualTo(Phase.NOTIFIED);

        assertThat(view.missing.getText()).contains("Record the lessons learned", "Finish or cancel the task");
        TasksPanel tasks = (TasksPanel) view.openTab("Tasks");
        while (GridKt._findAll(tasks.grid).stream().anyMatch(t -> t.status() == Task.Status.OPEN)) {
            _click(button(tasks.grid, t -> t.status() == Task.Status.OPEN, "Done"));
            tasks = (TasksPanel) view.openTab("Tasks");
        }
        facts = (FactsPanel) view.openTab("Facts");
        setValue(facts.lessons, "Full-disk encryption on every laptop");
        _click(facts.save);
        _click(view.advance);
        assertThat(view.incident().phase()).as("closing asks first").isEqualTo(Phase.NOTIFIED);
        ConfirmDialogKt._fireConfirm(view.question);

        assertThat(view.incident().phase()).isEqualTo(Phase.CLOSED);
        assertThat(view.advance.isVisible()).isFalse();
        assertThat(view.reopen.isVisible()).isTrue();
        TimelinePanel timeline = (TimelinePanel) view.openTab("Timeline");
        assertThat(GridKt._findAll(timeline.grid)).extracting(e -> e.summary())
                .contains("Reported → Triage", "Notified → Closed")
                .anyMatch(s -> s.startsWith("Sent: GDPR · Lead supervisory authority"));
    }

    @Test
    void impossible_facts_are_shown_next_to_their_field_and_nothing_is_saved() {
        loginAs("sam", Role.SECURITY_ANALYST);
        UI.getCurrent().navigate(IncidentsView.class);
        _click(_get(IncidentsView.class).log);
        LogIncidentDialog log = _get(LogIncidentDialog.class);
        int before = dsl.fetchCount(table("incidents.incident"));
        setValue(log.title, "Odd");
        setValue(log.type, IncidentType.OTHER);
        setValue(log.discovered, LocalDateTime.now().minusHours(2).withNano(0));
        setValue(log.aware, LocalDateTime.now().minusHours(3).withNano(0));
        _click(log.save);

        assertThat(log.aware.isInvalid()).isTrue();
        assertThat(log.aware.getErrorMessage()).isEqualTo("Awareness cannot be before discovery");
        assertThat(log.isOpened()).isTrue();
        assertThat(dsl.fetchCount(table("incidents.incident"))).isEqualTo(before);
    }

    @Test
    void an_analyst_sees_the_assessment_and_notices_but_cannot_decide_them() {
        loginAs("sam", Role.SECURITY_ANALYST);
        UI.getCurrent().navigate(IncidentsView.class);
        _click(_get(IncidentsView.class).log);
        LogIncidentDialog log = _get(LogIncidentDialog.class);
        setValue(log.title, "Misdirected email to a customer");
        setValue(log.type, IncidentType.MISDIRECTED);
        setValue(log.discovered, LocalDateTime.now().minusHours(2).withNano(0));
        setValue(log.aware, LocalDateTime.now().minusHours(1).withNano(0));
        _click(log.save);
        IncidentView view = _get(IncidentView.class);
        FactsPanel facts = (FactsPanel) view.openTab("Facts");
        facts.residency.put("FR", 1);
        _click(facts.save);

        AssessmentPanel assessment = (AssessmentPanel) view.openTab("Assessment");
        assertThat(assessment.conclude.isVisible()).isFalse();
        assertThat(assessment.assess.isVisible()).isFalse();
        ObligationsPanel notices = (ObligationsPanel) view.openTab("Notifications");
        assertThat(GridKt._size(notices.grid)).isEqualTo(1);
        assertThat(_find(notices, Button.class, spec -> spec.withText("Required"))).isEmpty();
        assertThat(notices.addManual.isVisible()).isFalse();
        // the countdowns refresh while the page is open
        assertThat(UI.getCurrent().getPollInterval()).isEqualTo(ObligationsPanel.COUNTDOWN_REFRESH_MILLIS);
    }

    @Test
    void saving_the_facts_keeps_the_id_the_reporting_system_gave_the_incident() {
        loginAs("olivia", Role.PRIVACY_OFFICER);
        UI.getCurrent().navigate(IncidentsView.class);
        _click(_get(IncidentsView.class).log);
        LogIncidentDialog log = _get(LogIncidentDialog.class);
        setValue(log.title, "SIEM alert: mass download");
        setValue(log.type, IncidentType.LOST_DEVICE);
        _click(log.save);
        long id = _get(IncidentView.class).incident().id();
        // as the intake API stores it
        dsl.execute("update incidents.incident set external_ref = ? where id = ?", "SIEM-4711", id);

        UI.getCurrent().navigate("incidents/" + id);
        IncidentView view = _get(IncidentView.class);
        FactsPanel facts = (FactsPanel) view.openTab("Facts");
        setValue(facts.description, "847 files downloaded by one account in ten minutes");
        _click(facts.save);

        assertThat(view.incident().facts().getDescription()).isEqualTo("847 files downloaded by one account in ten minutes");
        assertThat(dsl.fetchValue("select external_ref from incidents.incident where id = ?", id)).isEqualTo("SIEM-4711");
    }

    @Test
    void every_fact_typed_on_the_facts_tab_is_saved_and_shown_again() {
        loginAs("olivia", Role.PRIVACY_OFFICER);
        UI.getCurrent().navigate(IncidentsView.class);
        _click(_get(IncidentsView.class).log);
        LogIncidentDialog log = _get(LogIncidentDialog.class);
        setValue(log.title, "Backup tape lost in transit");
        setValue(log.type, IncidentType.LOST_DEVICE);
        setValue(log.description, "The courier lost it");
        _click(log.save);
        IncidentView view = _get(IncidentView.class);
        assertThat(view.incident().facts().getDescription()).isEqualTo("The courier lost it");
        assertThat(view.incident().facts().getReporter()).isEqualTo("olivia");
        assertThat(view.incident().facts().getAssignee()).isEqualTo("olivia");

        FactsPanel facts = (FactsPanel) view.openTab("Facts");
        LocalDateTime discovered = LocalDateTime.now().minusHours(5).withSecond(0).withNano(0);
        setValue(facts.discovered, discovered);
        CatalogEntry category = facts.dataCategories.getListDataView().getItems().findFirst().orElseThrow();
        CatalogEntry subject = facts.subjectTypes.getListDataView().getItems().findFirst().orElseThrow();
        setValue(facts.reporter, "rita");
        setValue(facts.responders, "sam,  olivia ,");
        setValue(facts.occurredFrom, discovered.minusDays(2));
        setValue(facts.occurredTo, discovered.minusDays(1));
        setValue(facts.aware, discovered.plusMinutes(15));
        setValue(facts.determined, discovered.plusMinutes(30));
        setValue(facts.contained, discovered.plusMinutes(45));
        setValue(facts.confidentiality, true);
        setValue(facts.availability, true);
        setValue(facts.systems, "Backup store");
        setValue(facts.dataCategories, java.util.Set.of(category));
        setValue(facts.subjectTypes, java.util.Set.of(subject));
        setValue(facts.individuals, 1200);
        setValue(facts.records, 5000);
        facts.residency.put("DE", 1200);
        setValue(facts.phi, true);
        setValue(facts.encrypted, true);
        setValue(facts.consequences, "Identity theft");
        setValue(facts.measuresTaken, "Courier informed");
        setValue(facts.measuresProposed, "Encrypted tapes only");
        setValue(facts.lessons, "Track every tape");
        _click(facts.save);

        IncidentForm saved = view.incident().facts();
        assertThat(saved.getTitle()).isEqualTo("Backup tape lost in transit");
        assertThat(saved.getDescription()).isEqualTo("The courier lost it");
        assertThat(saved.getType()).isEqualTo(IncidentType.LOST_DEVICE);
        assertThat(saved.getReporter()).isEqualTo("rita");
        assertThat(saved.getAssignee()).isEqualTo("olivia");
        assertThat(saved.getResponders()).containsExactly("sam", "olivia");
        assertThat(saved.getOccurredFrom()).isNotNull().isBefore(saved.getOccurredTo());
        assertThat(saved.getAwareAt()).isEqualTo(saved.getDiscoveredAt().plusSeconds(15 * 60));
        assertThat(saved.getDeterminedAt()).isEqualTo(saved.getDiscoveredAt().plusSeconds(30 * 60));
        assertThat(saved.getContainedAt()).isEqualTo(saved.getDiscoveredAt().plusSeconds(45 * 60));
        assertThat(saved.isConfidentiality()).isTrue();
        assertThat(saved.isIntegrity()).isFalse();
        assertThat(saved.isAvailability()).isTrue();
        assertThat(saved.getSystemsAffected()).isEqualTo("Backup store");
        assertThat(saved.getDataCategories()).containsExactly(category.code());
        assertThat(saved.getSubjectTypes()).containsExactly(subject.code());
        assertThat(saved.getIndividuals()).isEqualTo(1200);
        assertThat(saved.getRecords()).isEqualTo(5000L);
        assertThat(saved.getResidents()).containsExactlyEntriesOf(java.util.Map.of("DE", 1200));
        assertThat(saved.isPhi()).isTrue();
        assertThat(saved.isEncrypted()).isTrue();
        assertThat(saved.isKeyCompromised()).isFalse();
        assertThat(saved.getConsequences()).isEqualTo("Identity theft");
        assertThat(saved.getMeasuresTaken()).isEqualTo("Courier informed");
        assertThat(saved.getMeasuresProposed()).isEqualTo("Encrypted tapes only");
        assertThat(saved.getLessonsLearned()).isEqualTo("Track every tape");

        // shown again as saved, and saving it unchanged keeps every fact
        facts = (FactsPanel) view.openTab("Facts");
        assertThat(facts.responders.getValue()).isEqualTo("sam, olivia");
        assertThat(facts.contained.getValue()).isEqualTo(discovered.plusMinutes(45));
        assertThat(facts.dataCategories.getValue()).containsExactly(category);
        assertThat(facts.records.getValue()).isEqualTo(5000);
        assertThat(facts.residency.getValue()).containsExactlyEntriesOf(java.util.Map.of("DE", 1200));
        assertThat(facts.lessons.getValue()).isEqualTo("Track every tape");
        _click(facts.save);
        assertThat(view.incident().facts()).usingRecursiveComparison().isEqualTo(saved);
    }

    @Test
    void an_unknown_incident_says_so() {
        loginAs("aud", Role.AUDITOR);
        UI.getCurrent().navigate("incidents/987654");
        IncidentView view = _get(IncidentView.class);
        assertThat(view.heading.getText()).isEqualTo("No incident 987654");
        assertThat(view.tabs.isVisible()).isFalse();
    }

    private static <T> Button button(Grid<T> grid, Predicate<T> row, String text) {
        for (int i = 0; i < GridKt._size(grid); i++) {
            if (row.test(GridKt._get(grid, i))) {
                var actions = GridKt._getCellComponent(grid, i, "actions");
                return _get(actions, Button.class, spec -> spec.withText(text));
            }
        }
        throw new AssertionError("No matching row in the grid");
    }
}
