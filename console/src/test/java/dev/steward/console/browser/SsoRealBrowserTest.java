package dev.steward.console.browser;

import dev.steward.console.sso.OidcTestServer;
import dev.steward.console.sso.SsoTestBase;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Issue 13: single sign-on in a real browser, under the console's Content-Security-Policy: the sign-in page's link
 * to the provider, the provider's redirect back, the dashboard, and the Users page saying how the user signs in.
 */
class SsoRealBrowserTest extends SsoTestBase {

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
    void a_user_signs_in_through_the_provider_from_the_sign_in_page() throws Exception {
        browser.navigate("http://localhost:" + port + "/");
        browser.waitUntil("the sign-in page offers the provider", () -> browser.evalTrue(
                "location.pathname === '/login' && !!document.querySelector('a.sso-sign-in')"));
        assertThat(browser.eval("document.querySelector('a.sso-sign-in').innerText")).isEqualTo("Sign in with " + OidcTestServer.PROVIDER_NAME);
        browser.screenshot(Path.of("target/screenshots/login-sso.png"));

        OidcTestServer.get().enqueueCallback(new DefaultOAuth2TokenCallback(OidcTestServer.ISSUER_ID, "subject-browser", "JWT",
                List.of(OidcTestServer.CLIENT_ID), claims("ivy.sso", List.of("steward-admins")), 3600));
        browser.eval("document.querySelector('a.sso-sign-in').click(); true");
        browser.waitUntil("the dashboard is shown", () -> browser.evalTrue(
                "location.pathname === '/' && document.body.innerText.includes('Dashboard')"));

        browser.navigate("http://localhost:" + port + "/admin/users");
        browser.waitUntil("the users page is shown", () -> browser.evalTrue("document.body.innerText.includes('ivy.sso')"));
        String cells = browser.eval("Array.from(document.querySelectorAll('vaadin-grid-cell-content')).map(c => c.innerText).join('|')");
        assertThat(cells).contains("sign-in: " + OidcTestServer.PROVIDER_NAME);
        browser.screenshot(Path.of("target/screenshots/users-sso.png"));
        assertThat(browser.contentSecurityPolicyViolations()).as("single sign-on works under the CSP").isEmpty();
    }
}
