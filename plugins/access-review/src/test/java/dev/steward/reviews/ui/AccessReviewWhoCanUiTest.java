package dev.steward.reviews.ui;

import com.vaadin.flow.component.UI;
import dev.steward.platform.security.Role;
import dev.steward.testkit.console.ConsoleTestApplication;
import dev.steward.testkit.console.KaribuTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** Systems, remediation and triggered reviews tell a reader who may change them, and an administrator sees no such note. */
@SpringBootTest(classes = ConsoleTestApplication.class)
class AccessReviewWhoCanUiTest extends KaribuTest {

    @Test
    void an_auditor_finds_new_system_disabled_and_is_told_who_adds_systems_and_imports_access() {
        loginAs("ada", Role.AUDITOR);
        UI.getCurrent().navigate(SystemsView.class);
        SystemsView view = _get(SystemsView.class);
        assertThat(view.add.isEnabled()).isFalse();
        assertThat(view.add.getTooltip().getText()).isEqualTo("Only a privacy officer or a security analyst can add systems");
        assertThat(view.whoAdministers.isVisible()).isTrue();
        assertThat(view.whoAdministers.getText()).isEqualTo("Only a privacy officer or a security analyst can add and edit systems"
                + " and import their access (CSV or LDAP); you can read their entitlements and history.");
    }

    @Test
    void an_auditor_is_told_who_marks_revocations_on_remediation() {
        loginAs("ada", Role.AUDITOR);
        UI.getCurrent().navigate(RemediationView.class);
        RemediationView view = _get(RemediationView.class);
        assertThat(view.whoMarks.isVisible()).isTrue();
        assertThat(view.whoMarks.getText()).isEqualTo("Only a privacy officer or a security analyst can mark revocations done or failed"
                + " and export a system's open items; you can read them and their history.");
    }

    @Test
    void an_auditor_finds_the_triggered_reviews_settings_locked_with_who_changes_them() {
        loginAs("ada", Role.AUDITOR);
        UI.getCurrent().navigate(CampaignsView.class);
        _click(_get(CampaignsView.class).triggered);
        TriggeredReviewsDialog dialog = _get(TriggeredReviewsDialog.class);
        assertThat(dialog.save.isEnabled()).isFalse();
        assertThat(dialog.save.getTooltip().getText()).isEqualTo("Only a privacy officer or a security analyst can change these settings");
        assertThat(dialog.whoChanges.getText()).isEqualTo("Only a privacy officer or a security analyst can change which events trigger"
                + " reviews; you can read the settings and triggers.");
    }

    @Test
    void a_security_analyst_who_administers_reviews_sees_no_notes_and_enabled_actions() {
        loginAs("sam", Role.SECURITY_ANALYST);
        UI.getCurrent().navigate(SystemsView.class);
        SystemsView systems = _get(SystemsView.class);
        assertThat(systems.add.isEnabled()).isTrue();
        assertThat(systems.whoAdministers.isVisible()).isFalse();
        UI.getCurrent().navigate(RemediationView.class);
        assertThat(_get(RemediationView.class).whoMarks.isVisible()).isFalse();
        UI.getCurrent().navigate(CampaignsView.class);
        _click(_get(CampaignsView.class).triggered);
        TriggeredReviewsDialog dialog = _get(TriggeredReviewsDialog.class);
        assertThat(dialog.save.isEnabled()).isTrue();
        assertThat(dialog.whoChanges.isVisible()).isFalse();
    }
}
