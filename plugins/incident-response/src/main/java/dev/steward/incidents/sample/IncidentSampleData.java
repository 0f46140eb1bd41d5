package dev.steward.incidents.sample;

import dev.steward.incidents.Incident;
import dev.steward.incidents.IncidentForm;
import dev.steward.incidents.IncidentService;
import dev.steward.incidents.IncidentSource;
import dev.steward.incidents.IncidentType;
import dev.steward.incidents.OurRole;
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
import dev.steward.platform.spi.SampleContext;
import dev.steward.platform.spi.SampleData;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.steward.incidents.db.Tables.INCIDENT;

/**
 * The sample company's incidents, one in each phase, worked through the plugin's own services exactly as a responder
 * would (assigned, contained, assessed, notices decided and sent), so the timeline, tasks and legal clocks are real:
 * awareness hours or days before now leaves authority notices due within a day, one overdue, and a data-subject
 * notice owed for a high-risk breach.
 */
@Component
class IncidentSampleData implements SampleData {

    private final DSLContext dsl;
    private final IncidentService incidents;
    private final PhaseService phases;
    private final AssessmentService assessments;
    private final ObligationService obligations;
    private final TaskService tasks;

    IncidentSampleData(DSLContext dsl, IncidentService incidents, PhaseService phases, AssessmentService assessments,
                       ObligationService obligations, TaskService tasks) {
        this.dsl = dsl;
        this.incidents = incidents;
        this.phases = phases;
        this.assessments = assessments;
        this.obligations = obligations;
        this.tasks = tasks;
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public boolean holdsData() {
        return dsl.fetchExists(INCIDENT);
    }

    /** One sample incident: its facts, the phase it has reached and the risk it was concluded to carry. */
    private record Plan(IncidentForm form, Phase phase, RiskLevel risk, EnisaInput severity) {
    }

    @Override
    public Summary load(SampleContext company) {
        Instant now = company.now().truncatedTo(ChronoUnit.SECONDS);
        String analyst = company.securityAnalyst();
        String officer = company.privacyOfficer();
        List<Plan> plans = List.of(
                new Plan(form("Repeated failed VPN logins from abroad", IncidentType.UNAUTHORISED_ACCESS, IncidentSource.SIEM,
                        now.minus(Duration.ofMinutes(50)), null, null, null, Map.of()), Phase.REPORTED, null, null),
                new Plan(form("Laptop stolen from an engineer's car", IncidentType.LOST_DEVICE, IncidentSource.EMPLOYEE,
                        hours(now, 7), analyst, hours(now, 6), null, Map.of("DE", 40)), Phase.TRIAGE, null, null),
                new Plan(form("Salary statements e-mailed to the wrong team", IncidentType.MISDIRECTED, IncidentSource.EMPLOYEE,
                        hours(now, 78), analyst, hours(now, 76), hours(now, 75), Map.of("DE", 9, "FR", 2)), Phase.CONTAINED, null, null),
                new Plan(form("Payroll clerk's mailbox taken over by phishing", IncidentType.PHISHING, IncidentSource.INTERNAL,
                        hours(now, 52), analyst, hours(now, 50), hours(now, 46), Map.of("IE", 120, "DE", 35)), Phase.ASSESSED,
                        RiskLevel.RISK, enisa(2, "0.75", "0.25", "Names, e-mail addresses and salary bands of staff")),
                new Plan(form("Payflow reports unauthorised access to payroll files", IncidentType.VENDOR_BREACH, IncidentSource.VENDOR,
                        hours(now, 100), officer, hours(now, 98), hours(now, 90), Map.of("DE", 210, "NL", 14)), Phase.NOTIFIED,
                        RiskLevel.HIGH_RISK, enisa(3, "1.00", "0.50", "Bank account numbers with names of every employee")),
                new Plan(form("Ransomware on a build server", IncidentType.RANSOMWARE, IncidentSource.INTERNAL,
                        hours(now, 24 * 40), analyst, hours(now, 24 * 40 - 2), hours(now, 24 * 39), Map.of()), Phase.CLOSED,
                        RiskLevel.NONE, enisa(1, "0.25", "0.00", "No personal data on the server; restored from backup")));
        int notices = 0;
        for (Plan plan : plans) {
            Incident incident = incidents.create(plan.form());
            notices += walk(incident.id(), plan, now);
        }
        return new Summary(plans.size(), plans.size() + " incidents, one in each phase, with " + notices + " notices decided");
    }

    /** Takes the incident from reported to the plan's phase; returns how many notices were decided on the way. */
    private int walk(long id, Plan plan, Instant now) {
        int decided = 0;
        while (current(id).phase().ordinal() < plan.phase().ordinal()) {
            Phase next = current(id).phase().next();
            if (next == Phase.ASSESSED) {
                assessments.assessSeverity(id, plan.severity());
                assessments.concludeRisk(id, current(id).version(), plan.risk(), "Sample reasoning: " + plan.severity().cbReason());
            }
            if (next == Phase.NOTIFIED) {
                decided += decideAndSend(id, plan, now);
            }
            if (next == Phase.CLOSED) {
                tasks.of(id).stream().filter(t -> t.status() == Task.Status.OPEN)
                        .forEach(t -> tasks.setStatus(t.id(), t.version(), Task.Status.DONE));
                IncidentForm facts = current(id).facts();
                facts.setLessonsLearned("Patch build servers within a week; keep offline backups of the CI configuration.");
                incidents.update(id, current(id).version(), facts);
            }
            phases.advance(id, current(id).version());
        }
        if (plan.phase() == Phase.ASSESSED) {
            // the authority notice is confirmed and due within the day: the dashboard's clock runs
            for (Obligation o : obligations.of(id)) {
                if (o.status() == ObligationStatus.PROPOSED) {
                    obligations.confirm(o.id(), o.version());
                    decided++;
                }
            }
        }
        return decided;
    }

    private int decideAndSend(long id, Plan plan, Instant now) {
        int decided = 0;
        int n = 0;
        for (Obligation o : obligations.of(id)) {
            if (o.status() == ObligationStatus.PROPOSED) {
                o = obligations.confirm(o.id(), o.version());
                decided++;
            }
            if (o.status() == ObligationStatus.REQUIRED) {
                obligations.recordSent(o.id(), o.version(), now.minus(Duration.ofHours(30 - 2L * n++)), "SAMPLE-" + id + "-" + n, null);
            }
        }
        return decided;
    }

    private Incident current(long id) {
        return incidents.find(id).orElseThrow();
    }

    private static IncidentForm form(String title, IncidentType type, IncidentSource source, Instant discovered, String assignee,
                                     Instant aware, Instant contained, Map<String, Integer> residents) {
        IncidentForm form = IncidentForm.of(title, type, source, OurRole.CONTROLLER, discovered);
        form.setDescription("Sample incident of a made-up company.");
        form.setAssignee(assignee);
        form.setAwareAt(aware);
        form.setContainedAt(contained);
        form.setOccurredFrom(discovered.minus(Duration.ofHours(3)));
        form.setConfidentiality(!residents.isEmpty());
        form.setAvailability(type == IncidentType.RANSOMWARE);
        form.setSystemsAffected(type == IncidentType.VENDOR_BREACH ? "Payroll (Payflow)" : type == IncidentType.PHISHING
                ? "Microsoft 365 mailbox, ERP" : null);
        if (!residents.isEmpty()) {
            form.setDataCategories(Set.of("identifiers", "employment"));
            form.setSubjectTypes(Set.of("employees"));
            form.setIndividuals(residents.values().stream().mapToInt(Integer::intValue).sum());
            form.setResidents(residents);
        }
        return form;
    }

    private static EnisaInput enisa(int dpc, String ei, String confidentiality, String reason) {
        return new EnisaInput(dpc, BigDecimal.valueOf(dpc), null, new BigDecimal(ei), reason, new BigDecimal(confidentiality),
                BigDecimal.ZERO, BigDecimal.ZERO, dpc > 1, reason);
    }

    private static Instant hours(Instant now, long hours) {
        return now.minus(Duration.ofHours(hours));
    }
}
