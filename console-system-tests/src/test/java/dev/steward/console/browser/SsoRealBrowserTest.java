package dev.steward.console.browser;

import dev.steward.console.sso.OidcTestServer;
import dev.steward.console.sso.SsoTestBase;
import dev.steward.testkit.console.RealBrowser;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13: single sign-on in a real browser, under the console's Content-Security-Policy: the sign-in page's link
 * to the provider, the provider's redirect back, the dashboard, and the Users page saying how the user signs in.
 */
class SsoRealBrowserTest extends SsoTestBase {

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
    void a_user_signs_in_through_the_provider_from_the_sign_in_page() {
        browser.navigate("/");
        browser.waitForPath("/login");
        var signIn = browser.page().locator("a.sso-sign-in");
        assertThat(signIn.innerText()).isEqualTo("Sign in with " + OidcTestServer.PROVIDER_NAME);
        browser.screenshot("login-sso.png");

        OidcTestServer.get().enqueueCallback(new DefaultOAuth2TokenCallback(OidcTestServer.ISSUER_ID, "subject-browser", "JWT",
                List.of(OidcTestServer.CLIENT_ID), claims("ivy.sso", List.of("steward-admins")), 3600));
        signIn.click();
        browser.waitUntil("the dashboard is shown", "() => location.pathname === '/' && document.body.innerText.includes('Dashboard')", null);

        browser.navigate("/admin/users");
        browser.waitForText("ivy.sso");
        String cells = String.join("|", browser.page().locator("vaadin-grid-cell-content").allInnerTexts());
        assertThat(cells).contains("sign-in: " + OidcTestServer.PROVIDER_NAME);
        browser.screenshot("users-sso.png");
        assertThat(browser.contentSecurityPolicyViolations()).as("single sign-on works under the CSP").isEmpty();
    }
}
