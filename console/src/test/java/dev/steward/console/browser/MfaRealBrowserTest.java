package dev.steward.console.browser;

import dev.steward.console.mfa.MfaTestSupport;
import dev.steward.platform.security.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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

    private HeadlessChromium browser;

    @BeforeEach
    void openBrowser() throws Exception {
        assumeTrue(HeadlessChromium.available(), "Chromium is not installed: apt-get install chromium");
        browser = new HeadlessChromium(1366, 768);
        browser.recordContentSecurityPolicyViolations();
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void an_administrator_sets_up_two_factor_authentication_before_reaching_anything_else() throws Exception {
        new MfaTestSupport(context).createUser("bree", Role.ADMIN, PASSWORD);
        signIn();
        browser.waitUntil("the set-up page is shown", () -> browser.evalTrue(
                "!!document.querySelector('.steward-mfa-secret') && document.body.innerText.includes('Your role requires')"));
        assertThat(browser.eval("document.body.innerText")).doesNotContain("New user").doesNotContain("Audit log");
        browser.screenshot(Path.of("target/screenshots/mfa-setup.png"));

        browser.navigate("http://localhost:" + port + "/admin/users");
        browser.waitUntil("the set-up page is shown again", () -> browser.evalTrue("!!document.querySelector('.steward-mfa-secret')"));
        assertThat(browser.eval("document.body.innerText")).doesNotContain("New user");

        String secret = browser.eval("document.querySelector('.steward-mfa-secret').innerText").replace(" ", "");
        MfaTestSupport.App app = new MfaTestSupport.App(secret);
        browser.eval("const f = Array.from(document.querySelectorAll('vaadin-text-field')).find(t => t.label === 'Code from the app');"
                + "f.value = '" + app.nextCode() + "'; f.dispatchEvent(new Event('change')); true");
        browser.eval("Array.from(document.querySelectorAll('vaadin-button')).find(b => b.innerText.includes('Turn on')).click(); true");
        browser.waitUntil("the recovery codes are shown", () -> browser.evalTrue(
                "document.body.innerText.includes('I have saved these recovery codes')"));
        assertThat(browser.eval("document.querySelector('pre').innerText").split("\n")).hasSize(10);
        browser.screenshot(Path.of("target/screenshots/mfa-recovery-codes.png"));
        browser.eval("document.querySelector('vaadin-checkbox').click(); true");
        browser.waitUntil("Continue is enabled", () -> browser.evalTrue(
                "!Array.from(document.querySelectorAll('vaadin-button')).find(b => b.innerText.includes('Continue')).hasAttribute('disabled')"));
        browser.eval("Array.from(document.querySelectorAll('vaadin-button')).find(b => b.innerText.includes('Continue')).click(); true");
        browser.waitUntil("the dashboard is shown", () -> browser.evalTrue(
                "location.pathname === '/' && document.body.innerText.includes('Audit log')"));

        browser.navigate("http://localhost:" + port + "/admin/users");
        browser.waitUntil("the users page is shown", () -> browser.evalTrue("document.body.innerText.includes('New user')"));
        browser.screenshot(Path.of("target/screenshots/mfa-users.png"));
        assertThat(browser.contentSecurityPolicyViolations()).as("the QR code and pages work under the CSP").isEmpty();

        // a new browser: the password, then the code page, and nothing else before the code
        browser.close();
        browser = new HeadlessChromium(1366, 768);
        signIn();
        browser.waitUntil("the code page is shown", () -> browser.evalTrue("document.body.innerText.includes('Authentication code')"));
        browser.navigate("http://localhost:" + port + "/admin/users");
        browser.waitUntil("the code page is shown again", () -> browser.evalTrue("document.body.innerText.includes('Authentication code')"));
        assertThat(browser.eval("document.body.innerText")).doesNotContain("New user").doesNotContain("Audit log");
        browser.screenshot(Path.of("target/screenshots/mfa-code.png"));
        browser.eval("const f = Array.from(document.querySelectorAll('vaadin-text-field')).find(t => t.label === 'Authentication code');"
                + "f.value = '" + app.nextCode() + "'; f.dispatchEvent(new Event('change')); true");
        browser.eval("Array.from(document.querySelectorAll('vaadin-button')).find(b => b.innerText.includes('Verify')).click(); true");
        browser.waitUntil("the users page is shown", () -> browser.evalTrue("document.body.innerText.includes('Audit log')"));
        browser.navigate("http://localhost:" + port + "/account/two-factor");
        browser.waitUntil("the user's own page is shown", () -> browser.evalTrue("document.body.innerText.includes('recovery codes left')"));
        browser.screenshot(Path.of("target/screenshots/mfa-own-page.png"));
    }

    private void signIn() throws Exception {
        browser.navigate("http://localhost:" + port + "/");
        browser.waitUntil("the login form is shown", () -> browser.evalTrue(
                "location.pathname === '/login' && !!document.querySelector('vaadin-button[slot=submit]')"));
        browser.eval("document.querySelector('#vaadinLoginUsername').value = 'bree';"
                + "document.querySelector('vaadin-password-field').value = '" + PASSWORD + "';"
                + "document.querySelector('vaadin-button[slot=submit]').click(); true");
    }
}
