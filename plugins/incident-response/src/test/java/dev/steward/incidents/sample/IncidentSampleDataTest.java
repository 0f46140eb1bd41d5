package dev.steward.incidents.sample;

import dev.steward.incidents.IncidentFilter;
import dev.steward.incidents.IncidentList;
import dev.steward.incidents.IncidentRow;
import dev.steward.incidents.IncidentServiceTestBase;
import dev.steward.incidents.Phase;
import dev.steward.incidents.obligations.Obligation;
import dev.steward.incidents.obligations.ObligationService;
import dev.steward.incidents.obligations.ObligationStatus;
import dev.steward.platform.sample.SampleInstall;
import dev.steward.platform.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A demo start with incident response: one incident in each phase, worked through the plugin's services. */
@TestPropertySource(properties = "steward.demo=true")
class IncidentSampleDataTest extends IncidentServiceTestBase {

    private List<IncidentRow> incidents;

    @BeforeEach
    void signInAsThePrivacyOfficer() {
        loginAs("priya", Role.PRIVACY_OFFICER);
        incidents = bean(IncidentList.class).page(IncidentFilter.all(), IncidentList.SortBy.DISCOVERED, false, 0, 100);
    }

    @Test
    void the_incidents_were_loaded_once_and_marked_as_sample_data() {
        assertThat(bean(SampleInstall.class).loadedModules()).containsExactly(SampleInstall.HOST, "incidents");
    }

    @Test
    void every_phase_appears() {
        assertThat(incidents).extracting(IncidentRow::phase).containsAll(List.of(Phase.values()));
    }

    @Test
    void open_incidents_have_notices_due_within_days_and_one_is_already_overdue() {
        Instant now = Instant.now();
        List<Obligation> open = incidents.stream().filter(i -> i.phase() != Phase.CLOSED)
                .flatMap(i -> bean(ObligationService.class).of(i.id()).stream())
                .filter(o -> o.status() == ObligationStatus.PROPOSED || o.status() == ObligationStatus.REQUIRED).toList();
        assertThat(open).extracting(Obligation::due).anyMatch(due -> due.isAfter(now) && due.isBefore(now.plus(Duration.ofDays(3))));
        assertThat(open).extracting(Obligation::due).anyMatch(due -> due.isBefore(now));
        assertThat(open).extracting(Obligation::status).contains(ObligationStatus.REQUIRED);
    }

    @Test
    void a_notified_incident_has_its_notices_sent_and_the_incidents_are_assigned_to_sample_users() {
        IncidentRow notified = incidents.stream().filter(i -> i.phase() == Phase.NOTIFIED).findFirst().orElseThrow();
        assertThat(bean(ObligationService.class).of(notified.id())).isNotEmpty().allMatch(o -> o.sentAt() != null);
        assertThat(incidents).extracting(IncidentRow::assignee).filteredOn(a -> a != null).allMatch(a -> a.equals("sam") || a.equals("priya"));
    }
}
