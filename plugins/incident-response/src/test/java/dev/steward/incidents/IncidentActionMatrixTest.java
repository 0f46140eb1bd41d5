package dev.steward.incidents;

import dev.steward.testkit.console.ActionMatrix;
import dev.steward.testkit.console.ActionMatrix.Action;
import dev.steward.incidents.Incident;
import dev.steward.incidents.IncidentList;
import dev.steward.incidents.IncidentFilter;
import dev.steward.incidents.IncidentService;
import dev.steward.incidents.IncidentType;
import dev.steward.incidents.RiskLevel;
import dev.steward.incidents.BreachRegister;
import dev.steward.incidents.assessment.AssessmentService;
import dev.steward.incidents.assessment.EnisaInput;
import dev.steward.incidents.obligations.ObligationService;
import dev.steward.incidents.obligations.RuleService;
import dev.steward.incidents.work.CustodyLog;
import dev.steward.incidents.work.PhaseService;
import dev.steward.incidents.work.TaskService;
import dev.steward.incidents.work.Timeline;
import dev.steward.platform.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static dev.steward.platform.security.Role.AUDITOR;
import static dev.steward.platform.security.Role.PRIVACY_OFFICER;
import static dev.steward.platform.security.Role.SECURITY_ANALYST;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each role x each action of the incident plugin, checked on the services (hiding a button is not access control):
 * allowed roles get past the permission check, the others are refused. The views are in RoleViewMatrixTest, the
 * intake API in IntakeApiTest.
 */
class IncidentActionMatrixTest extends IncidentServiceTestBase {

    private static final Set<Role> READERS = Set.of(SECURITY_ANALYST, PRIVACY_OFFICER, AUDITOR);
    private static final Set<Role> WORKERS = Set.of(SECURITY_ANALYST, PRIVACY_OFFICER);
    private static final Set<Role> OFFICERS = Set.of(PRIVACY_OFFICER);

    static final java.util.List<Action<IncidentActionMatrixTest>> ACTIONS = java.util.List.of(
            new Action<>("read an incident", READERS, t -> t.bean(IncidentService.class).find(t.incident.id())),
            new Action<>("list incidents", READERS, t -> t.bean(IncidentList.class).page(IncidentFilter.all(), IncidentList.SortBy.DISCOVERED, false, 0, 10)),
            new Action<>("list incidents with overdue notices", READERS,
                    t -> t.bean(IncidentList.class).count(IncidentFilter.withNotices(NoticeDue.OVERDUE))),
            new Action<>("dashboard: notices due", READERS, t -> t.bean(IncidentStats.class).notices(NoticeDue.DUE_72H, 8)),
            new Action<>("dashboard: how many notices are due", READERS, t -> t.bean(IncidentStats.class).noticeCount(NoticeDue.DUE_72H)),
            new Action<>("read the breach register", READERS, t -> t.bean(BreachRegister.class).count()),
            new Action<>("export the breach register as CSV", READERS, t -> t.bean(BreachRegister.class).writeCsv(
                    java.io.OutputStream.nullOutputStream(), dev.steward.platform.export.ExportProgress.of(n -> { }, () -> false))),
            new Action<>("export the breach register as PDF", READERS, t -> t.bean(BreachRegister.class).writePdf(
                    java.io.OutputStream.nullOutputStream(), dev.steward.platform.export.ExportProgress.of(n -> { }, () -> false))),
            new Action<>("read an incident through the reader", READERS, t -> t.bean(dev.steward.incidents.IncidentReader.class).find(t.incident.id())),
            new Action<>("read the rules", READERS, t -> t.bean(RuleService.class).inForce()),
            new Action<>("read the timeline", READERS, t -> t.bean(Timeline.class).of(t.incident.id())),
            new Action<>("read why notices are not owed", READERS, t -> t.bean(ObligationService.class).notOwed(t.incident.id())),
            new Action<>("log an incident", WORKERS, t -> t.bean(IncidentService.class).create(incident("x", IncidentType.OTHER, hoursAgo(1)))),
            new Action<>("edit facts", WORKERS, t -> t.bean(IncidentService.class).update(t.incident.id(), t.incident.version(), t.incident.facts())),
            new Action<>("add a task", WORKERS, t -> t.bean(TaskService.class).add(t.incident.id(), "Check logs", null, null)),
            new Action<>("add a note", WORKERS, t -> t.bean(Timeline.class).addNote(t.incident.id(), "note")),
            new Action<>("write the timeline", WORKERS, t -> t.bean(Timeline.class).record(t.incident.id(),
                    dev.steward.incidents.work.TimelineEntry.Kind.NOTE, "matrix")),
            new Action<>("recompute the notices", WORKERS, t -> t.bean(ObligationService.class).recompute(t.incident)),
            new Action<>("add the template tasks", WORKERS, t -> t.bean(TaskService.class).addFromTemplates(t.incident.id(), IncidentType.OTHER)),
            new Action<>("move the phase", WORKERS, t -> t.bean(PhaseService.class).advance(t.incident.id(), t.incident.version())),
            new Action<>("record evidence handling", WORKERS, t -> t.bean(CustodyLog.class).record(t.incident.id(), -1, null, null)),
            new Action<>("start the custody of an issued document", WORKERS, t -> t.bean(CustodyLog.class).recordIssued(t.incident.id(),
                    new dev.steward.platform.files.Attachment(-1, null, "x.pdf", "application/pdf", 0, "", "x", null, null, null, null), "x")),
            new Action<>("assess severity", OFFICERS, t -> t.bean(AssessmentService.class).assessSeverity(t.incident.id(),
                    new EnisaInput(1, BigDecimal.ONE, null, new BigDecimal("0.25"), null, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, false, null))),
            new Action<>("conclude the risk", OFFICERS, t -> t.bean(AssessmentService.class).concludeRisk(t.incident.id(), t.incident.version(), RiskLevel.RISK, "r")),
            new Action<>("decide a notice", OFFICERS, t -> t.bean(ObligationService.class).confirm(t.bean(ObligationService.class).of(t.incident.id()).getFirst().id(), 0)),
            new Action<>("add a notice by hand", OFFICERS, t -> t.bean(ObligationService.class).addManual(t.incident.id(), "Contract", "ACME", null, null, "clause 9")),
            new Action<>("correct a rule", OFFICERS, t -> t.bean(RuleService.class).add(null, null)));

    Incident incident;

    @BeforeEach
    void anIncident() {
        loginAs("setup", PRIVACY_OFFICER);
        var form = incident("Matrix incident", IncidentType.PHISHING, hoursAgo(5));
        form.setAwareAt(hoursAgo(4));
        form.setResidents(Map.of("AT", 3));
        incident = bean(IncidentService.class).create(form);
    }

    static Stream<Arguments> roleAndAction() {
        return ActionMatrix.everyRoleAndAction(ACTIONS);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("roleAndAction")
    void each_action_is_allowed_exactly_for_its_roles(Role role, Action<IncidentActionMatrixTest> action) {
        ActionMatrix.assertAllowedExactlyForItsRoles(this, role, action);
    }
}
