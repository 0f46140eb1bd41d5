package dev.steward.incidents;

import dev.steward.platform.export.ExportProgress;
import dev.steward.platform.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The Art. 33(5) register: the individuals as the rules count them, category names for people, and why notices are not owed. */
class BreachRegisterTest extends IncidentServiceTestBase {

    BreachRegister register;

    @BeforeEach
    void login() {
        loginAs("olivia", Role.PRIVACY_OFFICER);
        register = bean(BreachRegister.class);
    }

    private BreachRegister.Entry entryOf(Incident incident) {
        List<BreachRegister.Entry> entries = new ArrayList<>();
        register.forEach(entries::add);
        return entries.stream().filter(e -> e.reference().equals(incident.reference())).findFirst().orElseThrow();
    }

    @Test
    void an_incident_with_residents_recorded_but_no_total_counts_its_residents() {
        IncidentForm form = incident("Misdirected payslips", IncidentType.MISDIRECTED, hoursAgo(30));
        form.setAwareAt(hoursAgo(20));
        form.setResidents(Map.of("DE", 120, "FR", 30));
        form.setDataCategories(Set.of("employment", "payment"));
        Incident incident = bean(IncidentService.class).create(form);

        BreachRegister.Entry entry = entryOf(incident);

        assertThat(entry.individuals()).isEqualTo(150);
        assertThat(entry.dataCategoryNames()).isEqualTo("Employment data, Payment and financial data");
    }

    @Test
    void a_total_larger_than_the_residents_recorded_is_kept() {
        IncidentForm form = incident("Stolen backup disk", IncidentType.LOST_DEVICE, hoursAgo(30));
        form.setIndividuals(900);
        form.setResidents(Map.of("DE", 120));
        assertThat(entryOf(bean(IncidentService.class).create(form)).individuals()).isEqualTo(900);
    }

    @Test
    void the_register_names_the_notices_not_owed_with_their_reason_and_keeps_codes_for_machines_in_the_csv() {
        IncidentForm form = incident("Encrypted laptop stolen", IncidentType.LOST_DEVICE, hoursAgo(30));
        form.setAwareAt(hoursAgo(20));
        form.setResidents(Map.of("IE", 40));
        form.setEncrypted(true);
        form.setDataCategories(Set.of("identifiers"));
        Incident incident = bean(IncidentService.class).create(form);
        bean(dev.steward.incidents.assessment.AssessmentService.class).concludeRisk(incident.id(), incident.version(),
                RiskLevel.HIGH_RISK, "Patients' records");

        assertThat(entryOf(incident).notOwed()).contains(
                "GDPR · Data subjects — not owed: the data was encrypted and the key is safe (GDPR Art. 34(1), 34(3))");

        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        register.writeCsv(csv, ExportProgress.of(n -> { }, () -> false));
        String text = csv.toString(StandardCharsets.UTF_8);
        assertThat(text.lines().findFirst().orElseThrow()).endsWith(",risk,decisions,not_owed");
        assertThat(text.lines().filter(l -> l.startsWith(incident.reference())).findFirst().orElseThrow())
                .contains(",identifiers,40,").contains("not owed: the data was encrypted and the key is safe");
    }
}
