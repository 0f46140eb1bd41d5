package dev.steward.incidents.assessment;

import dev.steward.incidents.Incident;
import dev.steward.incidents.IncidentService;
import dev.steward.incidents.IncidentServiceTestBase;
import dev.steward.incidents.IncidentType;
import dev.steward.incidents.work.Timeline;
import dev.steward.incidents.work.TimelineEntry;
import dev.steward.platform.security.Role;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class SeverityTimelineTest extends IncidentServiceTestBase {

    @Test
    void the_timeline_states_every_term_of_the_enisa_formula_with_its_value() {
        loginAs("olivia", Role.PRIVACY_OFFICER);
        Incident incident = bean(IncidentService.class).create(incident("HR share exposed", IncidentType.UNAUTHORISED_ACCESS, hoursAgo(5)));

        bean(AssessmentService.class).assessSeverity(incident.id(), new EnisaInput(4, new BigDecimal("4"), null, new BigDecimal("0.75"),
                "Names with HR case notes", new BigDecimal("0.25"), BigDecimal.ZERO, BigDecimal.ZERO, true, "Insider, on purpose"));

        assertThat(bean(Timeline.class).of(incident.id())).filteredOn(e -> e.kind() == TimelineEntry.Kind.ASSESSMENT)
                .extracting(TimelineEntry::summary).containsExactly("ENISA severity 3.75 (High): DPC 4 × EI 0.75 + CB 0.75");
    }
}
