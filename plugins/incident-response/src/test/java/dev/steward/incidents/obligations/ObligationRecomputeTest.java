package dev.steward.incidents.obligations;

import dev.steward.incidents.Incident;
import dev.steward.incidents.IncidentForm;
import dev.steward.incidents.IncidentService;
import dev.steward.incidents.IncidentServiceTestBase;
import dev.steward.incidents.IncidentType;
import dev.steward.incidents.RiskLevel;
import dev.steward.incidents.assessment.AssessmentService;
import dev.steward.incidents.work.Timeline;
import dev.steward.incidents.work.TimelineEntry;
import dev.steward.platform.security.Role;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static dev.steward.incidents.db.Tables.OBLIGATION;
import static org.assertj.core.api.Assertions.assertThat;

/** Recomputing an incident's notices: stable when nothing changed, said in words when a due moves, and why some are not owed. */
class ObligationRecomputeTest extends IncidentServiceTestBase {

    /** Discovered 1 March 2026, 10:00 in Los Angeles: California's 30 calendar days end on 31 March there. */
    private static final Instant DISCOVERED = Instant.parse("2026-03-01T18:00:00Z");

    @Autowired
    DSLContext dsl;

    IncidentService incidents;
    ObligationService obligations;
    Timeline timeline;

    @BeforeEach
    void services() {
        loginAs("olivia", Role.PRIVACY_OFFICER);
        incidents = bean(IncidentService.class);
        obligations = bean(ObligationService.class);
        timeline = bean(Timeline.class);
    }

    private Incident californian() {
        IncidentForm form = incident("Customer list on a lost USB stick", IncidentType.LOST_DEVICE, DISCOVERED);
        form.setResidents(Map.of("US-CA", 10));
        return incidents.create(form);
    }

    private Obligation residentsNotice(long incidentId) {
        return obligations.of(incidentId).stream().filter(o -> "ca.residents".equals(o.ruleKey())).findFirst().orElseThrow();
    }

    @Test
    void recomputing_unchanged_facts_changes_nothing_and_logs_nothing() {
        Incident incident = californian();
        Obligation before = residentsNotice(incident.id());
        assertThat(before.due()).isEqualTo(Instant.parse("2026-04-01T06:59:59.999999Z"));
        int entries = timeline.of(incident.id()).size();

        assertThat(obligations.recompute(incidents.find(incident.id()).orElseThrow())).isEmpty();
        assertThat(obligations.recompute(incidents.find(incident.id()).orElseThrow())).isEmpty();

        assertThat(timeline.of(incident.id())).hasSize(entries);
        assertThat(residentsNotice(incident.id())).usingRecursiveComparison().isEqualTo(before);
    }

    @Test
    void a_due_stored_as_the_next_midnight_before_the_fix_is_the_same_deadline_and_is_shown_as_its_day() {
        Incident incident = californian();
        long id = residentsNotice(incident.id()).id();
        // as the database kept 23:59:59.999999999: rounded up to midnight of the next day
        dsl.update(OBLIGATION).set(OBLIGATION.DUE_AT, Instant.parse("2026-04-01T07:00:00Z")).where(OBLIGATION.ID.eq(id)).execute();

        assertThat(obligations.recompute(incidents.find(incident.id()).orElseThrow())).isEmpty();

        Obligation notice = residentsNotice(incident.id());
        assertThat(notice.dueEndsADay()).isTrue();
        assertThat(DueText.endOfDay(notice.due(), notice.dayZone())).isEqualTo("end of 31 Mar 2026, Los Angeles time");
    }

    @Test
    void a_moved_due_is_said_as_the_day_in_the_rules_zone_never_as_a_raw_instant() {
        Incident incident = californian();
        IncidentForm facts = incident.facts();
        facts.setDiscoveredAt(DISCOVERED.plusSeconds(24 * 3600));

        incidents.update(incident.id(), incident.version(), facts);

        List<String> changes = timeline.of(incident.id()).stream().filter(e -> e.kind() == TimelineEntry.Kind.OBLIGATION)
                .map(TimelineEntry::summary).toList();
        assertThat(changes.getLast()).isEqualTo("Obligations: California · Affected residents (US-CA) due moved from end of 31 Mar 2026, "
                + "Los Angeles time to end of 1 Apr 2026, Los Angeles time");
    }

    @Test
    void an_elapsed_time_due_is_written_as_an_iso_instant_for_the_screen_to_show_in_the_users_zone() {
        IncidentForm form = incident("Phishing: payroll credentials", IncidentType.PHISHING, Instant.parse("2026-03-01T08:00:00Z"));
        form.setAwareAt(Instant.parse("2026-03-01T09:00:00Z"));
        form.setResidents(Map.of("DE", 5));
        Incident incident = incidents.create(form);
        IncidentForm facts = incident.facts();
        facts.setAwareAt(Instant.parse("2026-03-01T10:00:00Z"));

        incidents.update(incident.id(), incident.version(), facts);

        assertThat(timeline.of(incident.id()).getLast().summary()).isEqualTo("Obligations: GDPR · Lead supervisory authority due moved "
                + "from 2026-03-04T09:00:00Z to 2026-03-04T10:00:00Z");
    }

    @Test
    void rules_that_do_not_apply_are_kept_with_their_reason_and_follow_the_facts() {
        IncidentForm form = incident("Encrypted laptop stolen", IncidentType.LOST_DEVICE, hoursAgo(30));
        form.setAwareAt(hoursAgo(20));
        form.setResidents(Map.of("IE", 40));
        form.setEncrypted(true);
        Incident incident = incidents.create(form);
        bean(AssessmentService.class).concludeRisk(incident.id(), incident.version(), RiskLevel.HIGH_RISK, "Health data of patients");

        assertThat(obligations.of(incident.id())).extracting(Obligation::ruleKey).containsExactly("gdpr.authority");
        assertThat(obligations.notOwed(incident.id())).extracting(NotOwed::text).contains(
                "GDPR · Data subjects — not owed: the data was encrypted and the key is safe (GDPR Art. 34(1), 34(3))");

        Incident assessed = incidents.find(incident.id()).orElseThrow();
        IncidentForm facts = assessed.facts();
        facts.setKeyCompromised(true);
        incidents.update(assessed.id(), assessed.version(), facts);

        assertThat(obligations.of(incident.id())).extracting(Obligation::ruleKey).contains("gdpr.authority", "gdpr.subjects");
        assertThat(obligations.notOwed(incident.id())).extracting(NotOwed::ruleKey).doesNotContain("gdpr.subjects");
    }
}
