package dev.steward.reviews.ui;

import com.vaadin.flow.component.UI;
import dev.steward.platform.security.Role;
import dev.steward.testkit.console.ConsoleTestApplication;
import dev.steward.testkit.console.KaribuTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** The campaigns page for a reader: no campaign actions, and it says who runs campaigns. */
@SpringBootTest(classes = ConsoleTestApplication.class)
class CampaignsWhoCanUiTest extends KaribuTest {

    @Test
    void an_auditor_sees_no_new_campaign_button_and_is_told_who_runs_campaigns() {
        loginAs("ada", Role.AUDITOR);
        UI.getCurrent().navigate(CampaignsView.class);
        CampaignsView view = _get(CampaignsView.class);
        assertThat(view.create.isVisible()).isFalse();
        assertThat(view.whoRuns.isVisible()).isTrue();
        assertThat(view.whoRuns.getText()).isEqualTo("Only a privacy officer or a security analyst can create, launch and close "
                + "campaigns; you can read them and their reports.");
    }

    @Test
    void a_security_analyst_who_runs_campaigns_sees_the_button_and_no_note() {
        loginAs("sam", Role.SECURITY_ANALYST);
        UI.getCurrent().navigate(CampaignsView.class);
        CampaignsView view = _get(CampaignsView.class);
        assertThat(view.create.isVisible()).isTrue();
        assertThat(view.whoRuns.isVisible()).isFalse();
    }
}
