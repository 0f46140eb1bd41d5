package dev.steward.browser;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.steward.testkit.console.ConsoleTestApplication;
import dev.steward.testkit.console.RealBrowser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16: each persona's main path in Debian's Chromium at 1366x768, on the sample company (`--demo`): the privacy
 * officer from an overdue notice on the dashboard to why other notices are not owed, the security analyst's incidents
 * and work, the manager's reviews, the auditor's registers, the first administrator's checklist. Every key screen is
 * photographed (target/screenshots) and fits the screen (no grid needs sideways scrolling); each persona's main pages
 * have no serious or critical accessibility violation (axe-core, WCAG 2.1 AA).
 */
@SpringBootTest(classes = ConsoleTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"steward.demo=true", "steward.admin.username=admin", "steward.admin.password=" + PersonaDayRealBrowserTest.ADMIN_PASSWORD})
class PersonaDayRealBrowserTest {

    static final String ADMIN_PASSWORD = "persona-test-admin-passphrase";
    /** The sample company's users' password (see the README, "See it alive with sample data"). */
    static final String SAMPLE_PASSWORD = "Fernhill-demo-2026";

    static RealBrowser browser;

    @LocalServerPort
    int port;

    @BeforeAll
    static void checkChromium() {
        RealBrowser.assumeChromium();
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void a_privacy_officer_goes_from_an_overdue_notice_on_the_dashboard_to_why_other_notices_are_not_owed() {
        Page page = signIn("priya", SAMPLE_PASSWORD);
        List<String> problems = new ArrayList<>();
        browser.waitForText("Overdue notices");
        browser.waitForText("Incidents opened and closed per week");
        check("privacy-officer-dashboard.png", problems, true);

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(java.util.regex.Pattern.compile("overdue$"))).first().click();
        browser.waitUntil("an incident page is shown", "() => location.pathname.startsWith('/incidents/')", null);
        page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Notifications").setExact(true)).click();
        browser.waitForText("Not owed");
        assertThat(browser.text()).contains("overdue").contains("not owed:");
        check("privacy-officer-incident-notices.png", problems, true);

        look("/incidents/register", "Breach register", "privacy-officer-breach-register.png", problems);
        lookAtMainPage("/vendors", "Vendor registry", "privacy-officer-vendors.png", problems);
        assertThat(problems).isEmpty();
    }

    @Test
    void a_security_analyst_sees_the_incidents_and_their_work() {
        signIn("sam", SAMPLE_PASSWORD);
        List<String> problems = new ArrayList<>();
        lookAtMainPage("/incidents", "INC-", "security-analyst-incidents.png", problems);
        look("/my-work", "My work", "security-analyst-my-work.png", problems);
        assertThat(problems).isEmpty();
    }

    @Test
    void a_manager_sees_the_reviews_waiting_for_them_with_their_flags() {
        signIn("maria", SAMPLE_PASSWORD);
        List<String> problems = new ArrayList<>();
        lookAtMainPage("/reviews/my", "decided", "manager-my-reviews.png", problems);
        assertThat(browser.text()).contains("Approve").contains("Revoke");
        look("/", "My pending access reviews", "manager-dashboard.png", problems);
        assertThat(problems).isEmpty();
    }

    @Test
    void an_auditor_reads_the_campaigns_and_the_breach_register() {
        signIn("ada", SAMPLE_PASSWORD);
        List<String> problems = new ArrayList<>();
        lookAtMainPage("/reviews/campaigns", "Quarterly access review", "auditor-campaigns.png", problems);
        look("/incidents/register", "Breach register", "auditor-breach-register.png", problems);
        assertThat(problems).isEmpty();
    }

    @Test
    void the_first_administrator_finds_the_getting_started_checklist() {
        signIn("admin", ADMIN_PASSWORD);
        List<String> problems = new ArrayList<>();
        lookAtMainPage("/getting-started", "steps done", "administrator-getting-started.png", problems);
        look("/admin/users", "priya", "administrator-users.png", problems);
        assertThat(problems).isEmpty();
    }

    private Page signIn(String user, String password) {
        if (browser == null) {
            browser = RealBrowser.open(port);
        }
        Page page = browser.newSession();
        browser.signIn(user, password);
        browser.waitUntil("the console is shown after signing in", "() => !location.pathname.startsWith('/login')", null);
        return page;
    }

    private void look(String path, String text, String screenshot, List<String> problems) {
        look(path, text, screenshot, problems, false);
    }

    /** A main page: also checked for accessibility (axe takes a few seconds a page, so not every page is). */
    private void lookAtMainPage(String path, String text, String screenshot, List<String> problems) {
        look(path, text, screenshot, problems, true);
    }

    private void look(String path, String text, String screenshot, List<String> problems, boolean accessibility) {
        browser.navigate(path);
        browser.waitForText(text);
        check(screenshot, problems, accessibility);
    }

    /** Photographs the screen and notes what does not fit and, on a main page, what an accessibility check finds serious. */
    private void check(String screenshot, List<String> problems, boolean accessibility) {
        browser.page().waitForTimeout(300); // the last round trip's rendering
        browser.screenshot(screenshot);
        PageChecks.gridsWiderThanTheirBox(browser.page()).forEach(grid -> problems.add(screenshot + ": grid wider than the screen: " + grid));
        if (accessibility) {
            PageChecks.seriousAccessibilityViolations(browser.page()).forEach(v -> problems.add(screenshot + ": " + v));
        }
    }
}
