package dev.steward.incidents;

import dev.steward.incidents.assessment.AssessmentService;
import dev.steward.incidents.assessment.EnisaInput;
import dev.steward.incidents.assessment.SeverityBand;
import dev.steward.incidents.obligations.Obligation;
import dev.steward.incidents.obligations.ObligationService;
import dev.steward.incidents.work.PhaseService;
import dev.steward.incidents.work.Task;
import dev.steward.incidents.work.TaskService;
import dev.steward.platform.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The dashboard charts' figures, counted in PostgreSQL: each test reads the figures, adds incidents through the
 * plugin's services and checks exactly which buckets moved (the database is shared with other tests of this context).
 */
class IncidentChartsTest extends IncidentServiceTestBase {

    private static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");

    IncidentService incidents;
    ObligationService obligations;
    IncidentCharts charts;

    @BeforeEach
    void services() {
        incidents = bean(IncidentService.class);
        obligations = bean(ObligationService.class);
        charts = bean(IncidentCharts.class);
        loginAs("olivia", Role.PRIVACY_OFFICER);
    }

    @Test
    void incidents_count_in_the_week_of_their_discovery_in_the_users_zone_by_severity_and_closed_ones_in_this_week() {
        var before = charts.openedAndClosedPerWeek(12, LOS_ANGELES);
        LocalDate thisMonday = LocalDate.now(LOS_ANGELES).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        // Monday 05:00 UTC is still Sunday in Los Angeles: the week before
        incidents.create(incident("Sunday evening in LA", IncidentType.PHISHING,
                thisMonday.minusWeeks(2).atTime(5, 0).toInstant(ZoneOffset.UTC)));
        Incident closed = closedIncident(thisMonday.minusWeeks(1).atTime(LocalTime.NOON).atZone(LOS_ANGELES).toInstant());

        var after = charts.openedAndClosedPerWeek(12, LOS_ANGELES);
        assertThat(after.weeks()).hasSize(12).startsWith(thisMonday.minusWeeks(11)).endsWith(thisMonday);
        Optional<SeverityBand> band = Optional.of(closed.severity());
        for (Optional<SeverityBand> severity : IncidentCharts.severities()) {
            for (int week = 0; week < 12; week++) {
                int opened = after.opened().get(severity)[week] - before.opened().get(severity)[week];
                int closedNow = after.closed().get(severity)[week] - before.closed().get(severity)[week];
                int expectedOpened = severity.isEmpty() && week == 8 || severity.equals(band) && week == 10 ? 1 : 0;
                assertThat(opened).as("opened %s in week %d", severity, week).isEqualTo(expectedOpened);
                assertThat(closedNow).as("closed %s in week %d", severity, week).isEqualTo(severity.equals(band) && week == 11 ? 1 : 0);
            }
        }
    }

    @Test
    void open_notices_count_on_the_day_they_are_due_in_the_users_zone_for_thirty_days() {
        Incident incident = incidents.create(incident("Notices for the chart", IncidentType.LOST_DEVICE, hoursAgo(5)));
        var before = charts.noticesDuePerDay(30, LOS_ANGELES);
        LocalDate today = LocalDate.now(LOS_ANGELES);
        notice(incident, "A", today.plusDays(2).atTime(10, 0).atZone(LOS_ANGELES).toInstant());
        notice(incident, "B", today.plusDays(2).atTime(23, 30).atZone(LOS_ANGELES).toInstant()); // the next day in UTC
        notice(incident, "C", today.plusDays(5).atTime(9, 0).atZone(LOS_ANGELES).toInstant());
        notice(incident, "D", today.plusDays(40).atTime(9, 0).atZone(LOS_ANGELES).toInstant()); // beyond the chart

        var after = charts.noticesDuePerDay(30, LOS_ANGELES);
        assertThat(after.keySet()).hasSize(30).first().isEqualTo(today);
        Map<LocalDate, Integer> moved = new HashMap<>();
        after.forEach((day, n) -> moved.put(day, n - before.get(day)));
        Map<LocalDate, Integer> expected = new HashMap<>();
        after.keySet().forEach(day -> expected.put(day, 0));
        expected.put(today.plusDays(2), 2);
        expected.put(today.plusDays(5), 1);
        assertThat(moved).isEqualTo(expected);
    }

    @Test
    void time_to_contain_and_to_notify_are_monthly_medians_in_hours() {
        YearMonth month = YearMonth.now(ZoneOffset.UTC).minusMonths(4);
        Instant discovered = month.atDay(10).atTime(8, 0).toInstant(ZoneOffset.UTC);
        for (int[] hours : new int[][]{{2, 20}, {4, 30}, {10, 0}}) { // contained after, notice sent after awareness (0: none)
            IncidentForm form = incident("Contained in " + hours[0] + " h", IncidentType.PHISHING, discovered);
            form.setAwareAt(discovered.plus(Duration.ofHours(1)));
            form.setContainedAt(discovered.plus(Duration.ofHours(hours[0])));
            Incident incident = incidents.create(form);
            if (hours[1] > 0) {
                Obligation o = notice(incident, "Sent", discovered.plus(Duration.ofDays(20)));
                obligations.recordSent(o.id(), o.version(), discovered.plus(Duration.ofHours(1 + hours[1])), "REF", null);
            }
        }

        var medians = charts.monthlyMedians(12, ZoneOffset.UTC);
        int index = medians.months().indexOf(month);
        assertThat(medians.months()).hasSize(12).endsWith(YearMonth.now(ZoneOffset.UTC));
        assertThat(medians.containHours()[index]).isEqualTo(4.0);
        assertThat(medians.notifyHours()[index]).isEqualTo(25.0);
        assertThat(medians.containHours()[index - 1]).isNull();
    }

    @Test
    void a_user_without_the_incident_permission_gets_no_chart_figures() {
        loginAs("max", Role.MANAGER);
        assertThatThrownBy(() -> charts.openedAndClosedPerWeek(12, LOS_ANGELES)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> charts.noticesDuePerDay(30, LOS_ANGELES)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> charts.monthlyMedians(12, LOS_ANGELES)).isInstanceOf(AccessDeniedException.class);
    }

    private Obligation notice(Incident incident, String recipient, Instant due) {
        return obligations.addManual(incident.id(), "Contract", recipient, "", due, "Customer contract clause");
    }

    private Incident closedIncident(Instant discovered) {
        IncidentForm form = incident("Closed for the chart", IncidentType.LOST_DEVICE, discovered);
        form.setAssignee("olivia");
        form.setAwareAt(discovered.plus(Duration.ofHours(1)));
        form.setContainedAt(discovered.plus(Duration.ofHours(2)));
        form.setLessonsLearned("Lock the cabinet");
        Incident incident = incidents.create(form);
        TaskService tasks = bean(TaskService.class);
        tasks.of(incident.id()).forEach(t -> tasks.setStatus(t.id(), t.version(), Task.Status.CANCELLED));
        AssessmentService assessments = bean(AssessmentService.class);
        assessments.assessSeverity(incident.id(), new EnisaInput(1, BigDecimal.ONE, null, new BigDecimal("0.25"), null,
                BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, false, null));
        assessments.concludeRisk(incident.id(), version(incident), RiskLevel.NONE, "Paper files recovered unread");
        obligations.of(incident.id()).forEach(o -> obligations.markNotRequired(o.id(), o.version(), "Recovered unread"));
        PhaseService phases = bean(PhaseService.class);
        for (int i = 0; i < 5; i++) {
            phases.advance(incident.id(), version(incident));
        }
        Incident done = incidents.find(incident.id()).orElseThrow();
        assertThat(done.phase()).isEqualTo(Phase.CLOSED);
        return done;
    }

    private int version(Incident incident) {
        return incidents.find(incident.id()).orElseThrow().version();
    }
}
