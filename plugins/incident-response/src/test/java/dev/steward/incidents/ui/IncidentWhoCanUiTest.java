package dev.steward.incidents.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.upload.Upload;
import dev.steward.incidents.Incident;
import dev.steward.incidents.IncidentForm;
import dev.steward.incidents.IncidentPermissions;
import dev.steward.incidents.IncidentService;
import dev.steward.incidents.IncidentSource;
import dev.steward.incidents.IncidentType;
import dev.steward.incidents.OurRole;
import dev.steward.platform.links.ui.LinkedRecordsPanel;
import dev.steward.platform.plugin.ExtensionRegistry;
import dev.steward.platform.security.Role;
import dev.steward.testkit.console.ConsoleTestApplication;
import dev.steward.testkit.console.KaribuTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.time.Duration;
import java.time.Instant;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** Each persona on an incident's page: what they may not do is hidden, and the page says who can. */
@SpringBootTest(classes = ConsoleTestApplication.class)
class IncidentWhoCanUiTest extends KaribuTest {

    @Autowired
    ExtensionRegistry registry;

    @Test
    void a_security_analyst_sees_no_assessment_form_and_is_told_a_privacy_officer_assesses() {
        Incident incident = logged("Phishing mail clicked by finance");
        loginAs("sam", Role.SECURITY_ANALYST);
        AssessmentPanel assessment = (AssessmentPanel) open(incident).openTab("Assessment");

        assertThat(assessment.whoAssesses.isVisible()).isTrue();
        assertThat(assessment.whoAssesses.getText()).startsWith("A privacy officer assesses the risk to individuals and the severity");
        assertThat(assessment.assess.isVisible()).isFalse();
        assertThat(assessment.conclude.isVisible()).isFalse();
        assertThat(assessment.risk.isReadOnly()).isTrue();

        ObligationsPanel notices = (ObligationsPanel) _get(IncidentView.class).openTab("Notifications");
        assertThat(notices.whoDecides.isVisible()).isTrue();
        assertThat(notices.whoDecides.getText()).startsWith("A privacy officer decides whether each notice is required");
        assertThat(notices.addManual.isVisible()).isFalse();
    }

    @Test
    void a_privacy_officer_sees_the_assessment_form_and_no_note() {
        Incident incident = logged("Misdirected payroll e-mail");
        AssessmentPanel assessment = (AssessmentPanel) open(incident).openTab("Assessment");
        assertThat(assessment.whoAssesses.isVisible()).isFalse();
        assertThat(assessment.assess.isVisible()).isTrue();
    }

    @Test
    void an_auditor_is_shown_no_upload_delete_or_link_and_is_told_who_can() {
        Incident incident = logged("Lost USB stick");
        loginAs("ada", Role.AUDITOR);
        IncidentView view = open(incident);
        EvidencePanel evidence = (EvidencePanel) view.openTab("Evidence");
        assertThat(child(evidence.files, Upload.class).isVisible()).isFalse();
        assertThat(note(evidence.files).getText()).isEqualTo("Only a privacy officer or a security analyst can add or delete files here");

        LinkedRecordsPanel links = (LinkedRecordsPanel) view.openTab("Linked records");
        assertThat(descendants(links).filter(c -> c instanceof Button b && "Link a record".equals(b.getText())).findFirst()
                .orElseThrow().isVisible()).isFalse();
        assertThat(note(links).isVisible()).isTrue();
        assertThat(note(links).getText()).isEqualTo("Only a privacy officer or a security analyst can link records here");
    }

    private Incident logged(String title) {
        loginAs("priya", Role.PRIVACY_OFFICER);
        return registry.contextOf(IncidentPermissions.PLUGIN_ID).orElseThrow().getBean(IncidentService.class)
                .create(IncidentForm.of(title, IncidentType.PHISHING, IncidentSource.INTERNAL, OurRole.CONTROLLER,
                        Instant.now().minus(Duration.ofHours(3))));
    }

    private static IncidentView open(Incident incident) {
        UI.getCurrent().navigate("incidents/" + incident.id());
        return _get(IncidentView.class);
    }

    private static <T extends Component> T child(Component parent, Class<T> type) {
        return parent.getChildren().filter(type::isInstance).map(type::cast).findFirst().orElseThrow();
    }

    private static java.util.stream.Stream<Component> descendants(Component parent) {
        return parent.getChildren().flatMap(c -> java.util.stream.Stream.concat(java.util.stream.Stream.of(c), descendants(c)));
    }

    private static Paragraph note(Component panel) {
        return panel.getChildren().filter(c -> c.getElement().getClassList().contains("who-can"))
                .map(Paragraph.class::cast).findFirst().orElseThrow();
    }
}
