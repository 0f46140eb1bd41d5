package dev.steward.dsr.ui;

import com.vaadin.flow.component.UI;
import dev.steward.dsr.DsrPermissions;
import dev.steward.dsr.intake.Mailboxes;
import dev.steward.platform.plugin.ExtensionRegistry;
import dev.steward.platform.security.Role;
import dev.steward.testkit.console.ConsoleTestApplication;
import dev.steward.testkit.console.KaribuTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.util.UUID;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** The published mailboxes, kept by whoever holds dsr.admin; nobody else reaches the page. */
@SpringBootTest(classes = ConsoleTestApplication.class)
class IntakeSettingsUiTest extends KaribuTest {

    @Autowired
    ExtensionRegistry registry;

    final String suffix = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void a_privacy_officer_adds_the_policies_mailboxes_and_a_bad_address_is_refused_on_its_field() {
        loginAs("olivia", Role.PRIVACY_OFFICER);
        UI.getCurrent().navigate("requests/intake");
        IntakeSettingsView view = _get(IntakeSettingsView.class);
        setValue(view.address, "privacy." + suffix + "@wicresoft.com");
        setValue(view.note, "Privacy policy (US)");
        view.add.click();
        setValue(view.address, "privacy-at-wicresoft");
        view.add.click();
        assertThat(view.address.isInvalid()).isTrue();
        Mailboxes mailboxes = registry.contextOf(DsrPermissions.PLUGIN_ID).orElseThrow().getBean(Mailboxes.class);
        assertThat(mailboxes.list()).extracting(Mailboxes.Mailbox::address).contains("privacy." + suffix + "@wicresoft.com");
    }

    @Test
    void an_auditor_cannot_open_the_intake_settings() {
        loginAs("ada", Role.AUDITOR);
        UI.getCurrent().navigate("requests/intake");
        assertThat(_find(IntakeSettingsView.class)).isEmpty();
    }
}
