package dev.steward.incidents;

import dev.steward.incidents.Incident;
import dev.steward.incidents.IncidentForm;
import dev.steward.incidents.IncidentService;
import dev.steward.incidents.IncidentType;
import dev.steward.incidents.Phase;
import dev.steward.incidents.RiskLevel;
import dev.steward.incidents.assessment.AssessmentService;
import dev.steward.incidents.assessment.EnisaInput;
import dev.steward.incidents.obligations.Obligation;
import dev.steward.incidents.obligations.ObligationService;
import dev.steward.incidents.obligations.ObligationStatus;
import dev.steward.incidents.work.PhaseService;
import dev.steward.incidents.work.Task;
import dev.steward.incidents.work.TaskService;
import dev.steward.incidents.work.Timeline;
import dev.steward.incidents.work.TimelineEntry;
import dev.steward.platform.security.Role;
import dev.steward.platform.validation.InvalidInputException;
import dev.steward.platform.validation.ConcurrentChangeException;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jooq.impl.DSL.table;

class IncidentLifecycleTest extends IncidentServiceTestBase {

    @Autowired
    DSLContext dsl;

    IncidentService incidents;
    ObligationService obligations;
    AssessmentService assessments;
    PhaseService phases;
    TaskService tasks;
    Timeline timeline;

    @BeforeEach
    void services() {
        incidents = bean(IncidentService.class);
        obligations = bean(ObligationService.class);
        assessments = bean(AssessmentService.class);
        phases = bean(PhaseService.class);
        tasks = bean(TaskService.class);
        timeline = bean(Timeline.class);
        loginAs("olivia", Role.PRIVACY_OFFICER);
    }

    @Test
    void logging_an_incident_gives_it_a_reference_the_type_checklist_a_timeline_and_proposed_obligations() {
        IncidentForm form = incident("Laptop stolen from car", IncidentType.LOST_DEVICE, hoursAgo(30));
        form.setAwareAt(hoursAgo(20));
        form.setResidents(Map.of("DE", 120, "US-CA", 40));

        Incident created = incidents.create(form);

        assertThat(created.reference()).matches("INC-\\d{4}-\\d{5}");
        assertThat(created.phase()).isEqualTo(Phase.REPORTED);
        assertThat(created.createdBy()).isEqualTo("olivia");
        assertThat(created.awareDeclaredBy()).isEqualTo("olivia");
        assertThat(tasks.of(created.id())).extracting(Task::title).contains("Remote-wipe or lock the device");
        assertThat(timeline.of(created.id())).extracting(TimelineEntry::kind).contains(TimelineEntry.Kind.LOGGED, TimelineEntry.Kind.OBLIGATION);
        assertThat(obligations.of(created.id())).extracting(Obligation::ruleKey).contains("gdpr.authority", "ca.residents")
                .doesNotContain("ca.ag");
        Obligation gdpr = obligations.of(created.id()).stream().filter(o -> o.ruleKey().equals("gdpr.authority")).findFirst().orElseThrow();
        assertThat(gdpr.status()).isEqualTo(ObligationStatus.PROPOSED);
        assertThat(gdpr.due()).isEqualTo(form.getAwareAt().plus(Duration.ofHours(72)));
    }

    @Test
    void impossible_times_are_refused_field_by_field_and_nothing_is_written() {
        int before = dsl.fetchCount(table("incidents.incident"));
        IncidentForm form = incident("Odd times", IncidentType.OTHER, hoursAgo(10));
        form.setOccurredFrom(hoursAgo(5));
        form.setAwareAt(hoursAgo(12));
        form.setContainedAt(Instant.now().plus(Duration.ofDays(1)));
        form.setResidents(Map.of("XX", 3));

        assertThatThrownBy(() -> incidents.create(form)).isInstanceOfSatisfying(InvalidInputException.class, e ->
                assertThat(e.problems()).extracting(InvalidInputException.Problem::field, InvalidInputException.Problem::message)
                        .contains(org.assertj.core.groups.Tuple.tuple("containedAt", "Containment cannot be in the future"),
                                org.assertj.core.groups.Tuple.tuple("discoveredAt", "Discovery cannot be before the incident occurred"),
                                org.assertj.core.groups.Tuple.tuple("awareAt", "Awareness cannot be before discovery"),
                                org.assertj.core.groups.Tuple.tuple("residents", "Unknown jurisdiction XX")));
        assertThat(dsl.fetchCount(table("incidents.incident"))).isEqualTo(before);
    }

    @Test
    void a_save_over_someone_elses_change_is_refused_and_loses_nothing() {
        Incident created = incidents.create(incident("Misdirected payslip", IncidentType.MISDIRECTED, hoursAgo(3)));
        IncidentForm mine = created.facts();
        mine.setDescription("Mine");
        IncidentForm theirs = incidents.find(created.id()).orElseThrow().facts();
        theirs.setDescription("Theirs");
        incidents.update(created.id(), created.version(), theirs);

        assertThatThrownBy(() -> incidents.update(created.id(), created.version(), mine))
                .isInstanceOf(ConcurrentChangeException.class).hasMessageContaining("Someone else changed this incident");
        assertThat(incidents.find(created.id()).orElseThrow().facts().getDescription()).isEqualTo("Theirs");
    }

    @Test
    void changing_facts_recomputes_open_proposals_and_says_what_changed() {
        IncidentForm form = incident("Database exposed", IncidentType.UNAUTHORISED_ACCESS, hoursAgo(48));
        form.setAwareAt(hoursAgo(40));
        form.setResidents(Map.of("FR", 50));
        Incident created = incidents.create(form);
        assertThat(obligations.of(created.id())).extracting(Obligation::ruleKey).containsExactly("gdpr.authority");

        IncidentForm more = created.facts();
        more.setResidents(Map.of("FR", 50, "US-TX", 300));
        more.setDeterminedAt(hoursAgo(30));
        Incident updated = incidents.update(created.id(), created.version(), more);

        assertThat(obligations.of(updated.id())).extracting(Obligation::ruleKey).contains("tx.individuals", "tx.ag");
        assertThat(timeline.of(updated.id())).extracting(TimelineEntry::summary)
                .anyMatch(s -> s.startsWith("Changed") && s.contains("residents") && s.contains("determination time"))
                .anyMatch(s -> s.contains("proposed Texas · Attorney General (US-TX)"));

        IncidentForm fewer = updated.facts();
        fewer.setResidents(Map.of("FR", 50));
        incidents.update(updated.id(), updated.version(), fewer);
        assertThat(obligations.of(updated.id())).extracting(Obligation::ruleKey).containsExactly("gdpr.authority");
    }

    @Test
    void a_late_notice_needs_the_reasons_for_the_delay() {
        IncidentForm form = incident("Ransomware on file server", IncidentType.RANSOMWARE, hoursAgo(100));
        form.setAwareAt(hoursAgo(90));
        form.setResidents(Map.of("IE", 500));
        Incident created = incidents.create(form);
        Obligation gdpr = obligations.of(created.id()).getFirst();
        assertThat(gdpr.late(Instant.now())).isTrue();
        Obligation required = obligations.confirm(gdpr.id(), gdpr.version());

        assertThatThrownBy(() -> obligations.recordSent(required.id(), required.version(), hoursAgo(1), "DPC-1", " "))
                .hasMessageContaining("give the reasons for the delay");
        Obligation sent = obligations.recordSent(required.id(), required.version(), hoursAgo(1), "DPC-1", "Forensics took 4 days");
        assertThat(sent.statusText(Instant.now())).isEqualTo("Sent late");
        assertThat(sent.delayReason()).isEqualTo("Forensics took 4 days");
    }

    @Test
    void each_phase_says_exactly_what_is_missing_and_an_incident_closes_only_when_everything_is_decided_and_done() {
        IncidentForm form = incident("Phishing of payroll clerk", IncidentType.PHISHING, hoursAgo(10));
        form.setResidents(Map.of("ES", 12));
        Incident incident = incidents.create(form);

        assertThatThrownBy(() -> phases.advance(incident.id(), incident.version()))
                .hasMessage("Cannot move to triage: Assign the incident to someone");
        IncidentForm facts = incident.facts();
        facts.setAssignee("sam");
        facts.setAwareAt(hoursAgo(8));
        Incident assigned = incidents.update(incident.id(), incident.version(), facts);
        phases.advance(assigned.id(), assigned.version());
        assertThat(phases.missingFor(assigned.id(), Phase.CONTAINED)).containsExactly("Record when the incident was contained");

        IncidentForm contained = incidents.find(assigned.id()).orElseThrow().facts();
        contained.setContainedAt(hoursAgo(6));
        Incident c = incidents.update(assigned.id(), version(assigned.id()), contained);
        phases.advance(c.id(), version(c.id()));
        assertThat(phases.missingFor(c.id(), Phase.ASSESSED))
                .containsExactly("Assess the severity (ENISA)", "Conclude the risk to individuals (none, risk or high risk)");

        assessments.assessSeverity(c.id(), new EnisaInput(1, BigDecimal.ONE, null, new BigDecimal("0.75"), "names and emails",
                new BigDecimal("0.25"), BigDecimal.ZERO, BigDecimal.ZERO, true, "credential phishing"));
        assessments.concludeRisk(c.id(), version(c.id()), RiskLevel.RISK, "Credentials of 12 staff could be reused");
        phases.advance(c.id(), version(c.id()));
        assertThat(phases.missingFor(c.id(), Phase.NOTIFIED)).containsExactly("Decide on GDPR · Lead supervisory authority (required or not required)");

        Obligation gdpr = obligations.of(c.id()).getFirst();
        Obligation required = obligations.confirm(gdpr.id(), gdpr.version());
        assertThat(phases.missingFor(c.id(), Phase.NOTIFIED)).containsExactly("Send and record GDPR · Lead supervisory authority");
        obligations.recordSent(required.id(), required.version(), Instant.now(), "AEPD/2026/77", null);
        phases.advance(c.id(), version(c.id()));

        assertThat(phases.missingFor(c.id(), Phase.CLOSED)).contains("Record the lessons learned")
                .anyMatch(m -> m.startsWith("Finish or cancel the task \"Reset passwords"));
        tasks.of(c.id()).forEach(t -> tasks.setStatus(t.id(), t.version(), Task.Status.DONE));
        IncidentForm lessons = incidents.find(c.id()).orElseThrow().facts();
        lessons.setLessonsLearned("Enforce phishing-resistant MFA for payroll");
        incidents.update(c.id(), version(c.id()), lessons);
        assertThat(phases.advance(c.id(), version(c.id()))).isEqualTo(Phase.CLOSED);

        assertThatThrownBy(() -> incidents.update(c.id(), version(c.id()), lessons)).hasMessageContaining("reopen it");
        assertThatThrownBy(() -> phases.reopen(c.id(), version(c.id()), "")).hasMessage("Say why the incident is reopened");
        phases.reopen(c.id(), version(c.id()), "The attacker used the same credentials again");
        assertThat(incidents.find(c.id()).orElseThrow().phase()).isEqualTo(Phase.TRIAGE);
        assertThat(timeline.of(c.id())).extracting(TimelineEntry::summary).contains("Notified → Closed")
                .anyMatch(s -> s.startsWith("Reopened"));
    }

    @Test
    void analysts_work_incidents_but_cannot_assess_or_decide_notices_and_auditors_only_read() {
        Incident created = incidents.create(incident("Vendor leaked CRM export", IncidentType.VENDOR_BREACH, hoursAgo(2)));
        loginAs("sam", Role.SECURITY_ANALYST);
        assertThat(incidents.find(created.id())).isPresent();
        assertThatThrownBy(() -> assessments.concludeRisk(created.id(), created.version(), RiskLevel.NONE, "x"))
                .isInstanceOf(AccessDeniedException.class);
        loginAs("aud", Role.AUDITOR);
        assertThat(incidents.find(created.id())).isPresent();
        assertThatThrownBy(() -> incidents.create(incident("x", IncidentType.OTHER, hoursAgo(1))))
                .isInstanceOf(AccessDeniedException.class);
        loginAs("max", Role.MANAGER);
        assertThatThrownBy(() -> incidents.find(created.id())).isInstanceOf(AccessDeniedException.class);
    }

    private int version(long incidentId) {
        return incidents.find(incidentId).orElseThrow().version();
    }
}
