package dev.steward.incidents.integration;

import dev.steward.incidents.IncidentServiceTestBase;
import dev.steward.incidents.Incident;
import dev.steward.incidents.IncidentForm;
import dev.steward.incidents.IncidentService;
import dev.steward.incidents.IncidentStats;
import dev.steward.incidents.IncidentType;
import dev.steward.incidents.Phase;
import dev.steward.incidents.RiskLevel;
import dev.steward.incidents.assessment.AssessmentService;
import dev.steward.incidents.assessment.EnisaInput;
import dev.steward.incidents.obligations.NotificationRule;
import dev.steward.incidents.obligations.Obligation;
import dev.steward.incidents.obligations.ObligationService;
import dev.steward.incidents.obligations.RuleService;
import dev.steward.incidents.work.PhaseService;
import dev.steward.incidents.work.Task;
import dev.steward.incidents.work.TaskService;
import dev.steward.platform.deadlines.DeadlineService;
import dev.steward.platform.search.SearchService;
import dev.steward.platform.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The plugin in the console: rule versions, "My work", global search and the dashboard figures. */
class IncidentIntegrationTest extends IncidentServiceTestBase {

    @Autowired
    DeadlineService deadlines;
    @Autowired
    SearchService search;

    IncidentService incidents;
    ObligationService obligations;

    @BeforeEach
    void services() {
        incidents = bean(IncidentService.class);
        obligations = bean(ObligationService.class);
        loginAs("olivia", Role.PRIVACY_OFFICER);
    }

    @Test
    void rule_changes_move_open_proposals_and_leave_a_closed_incident_as_it_was_decided() {
        Incident closed = closedIncidentWithWashingtonResidents();
        Obligation closedNotice = washington(closed);
        Incident open = incidents.create(withResidents("Open WA incident", Map.of("US-WA", 12)));
        Obligation openBefore = washington(open);
        RuleService rules = bean(RuleService.class);
        NotificationRule v1 = rules.inForce().stream().filter(r -> r.key().equals("wa.residents")).findFirst().orElseThrow();

        NotificationRule v2 = rules.correct(v1.id(), new NotificationRule(null, v1.key(), 0, v1.regime(), v1.recipient(),
                v1.recipientKind(), v1.jurisdiction(), v1.minAffected(), v1.maxAffected(), v1.minRisk(), v1.phiOnly(),
                v1.encryptionExempt(), v1.role(), v1.deadlineKind(), 45, v1.internalTargetHours(), v1.clockStart(), v1.afterRuleKey(),
                v1.zone(), v1.citation(), "corrected in a test", v1.effectiveFrom(), v1.effectiveTo(), null), "Test: 45 days");

        assertThat(v2.version()).isEqualTo(2);
        assertThat(rules.history("wa.residents")).extracting(NotificationRule::version).containsExactly(2, 1);
        Obligation openAfter = washington(open);
        assertThat(openAfter.ruleId()).isEqualTo(v2.id());
        assertThat(Duration.between(openBefore.due(), openAfter.due())).isEqualTo(Duration.ofDays(15));
        assertThat(washington(closed)).isEqualTo(closedNotice);
        assertThat(washington(closed).ruleId()).isEqualTo(v1.id());

        rules.add(new NotificationRule(null, "wa.insurer", 0, "Washington", "Cyber insurer", NotificationRule.RecipientKind.OTHER,
                "US-WA", 1, null, null, false, false, "CONTROLLER", NotificationRule.DeadlineKind.HOURS, 48, null,
                NotificationRule.ClockStart.DISCOVERY, null, v1.zone(), "Policy 77, clause 4", null, v1.effectiveFrom(), null, null),
                "Our cyber policy requires notice within 48 hours");
        assertThat(obligations.of(open.id())).extracting(Obligation::ruleKey).contains("wa.insurer");
        assertThat(obligations.of(closed.id())).extracting(Obligation::ruleKey).doesNotContain("wa.insurer");
    }

    @Test
    void open_notices_reach_my_work_of_the_assignee_and_the_team_view_of_privacy_officers() {
        IncidentForm form = withResidents("Stolen tablet", Map.of("NL", 30));
        form.setAssignee("sam");
        form.setAwareAt(hoursAgo(2));
        Incident incident = incidents.create(form);

        loginAs("sam", Role.SECURITY_ANALYST);
        assertThat(deadlines.myWork(ZoneOffset.UTC)).extracting(w -> w.deadline().key())
                .contains("incidents:obligation:" + obligations.of(incident.id()).getFirst().id() + ":notice");
        loginAs("olivia", Role.PRIVACY_OFFICER);
        assertThat(deadlines.teamWork(ZoneOffset.UTC)).extracting(w -> w.deadline().link()).contains("incidents/" + incident.id());
    }

    @Test
    void global_search_finds_incidents_by_reference_or_title_for_readers_only() {
        Incident incident = incidents.create(withResidents("Ransomware on the payroll server", Map.of()));
        loginAs("aud", Role.AUDITOR);
        assertThat(hits("payroll ransomware")).contains(incident.reference() + " Ransomware on the payroll server");
        assertThat(hits(incident.reference())).hasSize(1);
        loginAs("max", Role.MANAGER);
        assertThat(hits("payroll ransomware")).isEmpty();
    }

    @Test
    void the_dashboard_counts_open_incidents_and_notices_due_within_72_hours() {
        IncidentForm form = withResidents("Exposed S3 bucket", Map.of("IT", 80));
        form.setAwareAt(hoursAgo(10));
        Incident incident = incidents.create(form);
        IncidentStats stats = bean(IncidentStats.class);
        assertThat(stats.openBySeverity().values().stream().mapToInt(Integer::intValue).sum()).isPositive();
        assertThat(stats.dueWithin(Duration.ofHours(72), 100)).anyMatch(d -> d.incidentId() == incident.id()
                && d.label().equals("GDPR · Lead supervisory authority"));
    }

    private java.util.List<String> hits(String text) {
        return search.search(text, 10).stream().filter(g -> g.name().equals("Incidents")).flatMap(g -> g.hits().stream())
                .map(h -> h.title()).toList();
    }

    private Incident closedIncidentWithWashingtonResidents() {
        IncidentForm form = withResidents("Closed WA incident", Map.of("US-WA", 12));
        form.setAssignee("olivia");
        form.setAwareAt(hoursAgo(40));
        form.setContainedAt(hoursAgo(30));
        form.setLessonsLearned("Lock the cabinet");
        Incident incident = incidents.create(form);
        PhaseService phases = bean(PhaseService.class);
        TaskService tasks = bean(TaskService.class);
        tasks.of(incident.id()).forEach(t -> tasks.setStatus(t.id(), t.version(), Task.Status.CANCELLED));
        AssessmentService assessments = bean(AssessmentService.class);
        assessments.assessSeverity(incident.id(), new EnisaInput(1, BigDecimal.ONE, null, new BigDecimal("0.25"), null,
                BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, false, null));
        assessments.concludeRisk(incident.id(), version(incident), RiskLevel.NONE, "Paper files recovered unread");
        Obligation wa = washington(incident);
        obligations.markNotRequired(wa.id(), wa.version(), "Recovered unread: no breach of security under RCW 19.255");
        for (int i = 0; i < 5; i++) {
            phases.advance(incident.id(), version(incident));
        }
        assertThat(incidents.find(incident.id()).orElseThrow().phase()).isEqualTo(Phase.CLOSED);
        return incidents.find(incident.id()).orElseThrow();
    }

    private int version(Incident incident) {
        return incidents.find(incident.id()).orElseThrow().version();
    }

    private Obligation washington(Incident incident) {
        return obligations.of(incident.id()).stream().filter(o -> "wa.residents".equals(o.ruleKey())).findFirst().orElseThrow();
    }

    private static IncidentForm withResidents(String title, Map<String, Integer> residents) {
        IncidentForm form = incident(title, IncidentType.LOST_DEVICE, hoursAgo(48));
        form.setResidents(residents);
        return form;
    }
}
