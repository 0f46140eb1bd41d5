package dev.steward.console.browser;

import dev.steward.console.mfa.MfaTestSupport;
import dev.steward.platform.security.Role;
import dev.steward.testkit.console.RealBrowser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13 in a real browser over Vaadin's own protocol: an administrator who has not set up two-factor
 * authentication reaches only its set-up page after the password, sets it up with a code computed from the secret
 * the page shows, saves the recovery codes, and only then gets the console.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = MfaTestSupport.PRODUCTION_REQUIRED_ROLES)
class MfaRealBrowserTest {

    static final String PASSWORD = "browser-mfa-passphrase";

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    private RealBrowser browser;

    @BeforeEach
    void openBrowser() {
        browser = RealBrowser.open(port);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void an_administrator_sets_up_two_factor_authentication_before_reaching_anything_else() {
        new MfaTestSupport(context).createUser("bree", Role.ADMIN, PASSWORD);
        var page = browser.page();
        browser.signIn("bree", PASSWORD);
        page.locator(".steward-mfa-secret").waitFor();
        browser.waitForText("Your role requires");
        assertThat(browser.text()).doesNotContain("New user").doesNotContain("Audit log");
        browser.screenshot("mfa-setup.png");

        browser.navigate("/admin/users");
        page.locator(".steward-mfa-secret").waitFor(); // the set-up page again
        assertThat(browser.text()).doesNotContain("New user");

        String secret = page.locator(".steward-mfa-secret").innerText().replace(" ", "");
        MfaTestSupport.App app = new MfaTestSupport.App(secret);
        page.getByLabel("Code from the app").fill(app.nextCode());
        browser.button("Turn on two-factor authentication").click();
        browser.waitForText("I have saved these recovery codes");
        assertThat(page.locator("pre").innerText().split("\n")).hasSize(10);
        browser.screenshot("mfa-recovery-codes.png");
        page.getByLabel("I have saved these recovery codes").check();
        assertThat(browser.button("Continue")).isEnabled();
        browser.button("Continue").click();
        browser.waitUntil("the dashboard is shown", "() => location.pathname === '/' && document.body.innerText.includes('Audit log')", null);

        browser.navigate("/admin/users");
        browser.waitForText("New user");
        browser.screenshot("mfa-users.png");
        assertThat(browser.contentSecurityPolicyViolations()).as("the QR code and pages work under the CSP").isEmpty();

        // a new browser: the password, then the code page, and nothing else before the code
        page = browser.newSession();
        browser.signIn("bree", PASSWORD);
        browser.waitForText("Authentication code");
        browser.navigate("/admin/users");
        browser.waitForText("Authentication code");
        assertThat(browser.text()).doesNotContain("New user").doesNotContain("Audit log");
        browser.screenshot("mfa-code.png");
        page.getByLabel("Authentication code").fill(app.nextCode());
        browser.button("Verify").click();
        browser.waitForText("Audit log");
        browser.navigate("/account/two-factor");
        browser.waitForText("recovery codes left");
        browser.screenshot("mfa-own-page.png");
    }
}
