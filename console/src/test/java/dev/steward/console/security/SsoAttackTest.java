package dev.steward.console.security;

import dev.steward.console.sso.OidcTestServer;
import dev.steward.console.sso.SsoBrowser;
import dev.steward.console.sso.SsoSignInFailure;
import dev.steward.console.sso.SsoTestBase;
import dev.steward.platform.security.UserAccount;
import dev.steward.platform.security.UserAccountService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static dev.steward.platform.db.generated.Tables.APP_USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 13: what an attacker tries against the single sign-on: a forged or swapped state, an ID token the provider
 * did not issue for this console, and a password for an account that signs in through the provider.
 */
class SsoAttackTest extends SsoTestBase {

    @Autowired
    UserAccountService users;

    @Test
    void a_tampered_state_is_refused_and_signs_nobody_in() throws Exception {
        SsoBrowser browser = browser();
        URI callback = browser.authorize(browser.startSignIn());
        String forged = callback.toString().replaceAll("state=[^&]+", "state=forged-state");

        assertThat(SsoBrowser.landing(browser.get(forged))).isEqualTo(SsoSignInFailure.URL);
        assertThat(signedInAs(browser)).isNull();
        assertThat(SsoSignInFailure.messageFor(failureOf(browser))).doesNotContain("user name and password");
    }

    @Test
    void a_callback_from_someone_elses_sign_in_is_refused() throws Exception {
        URI attackersCallback = browser().authorize(browser().startSignIn());
        SsoBrowser victim = browser();
        victim.get("/login");

        assertThat(SsoBrowser.landing(victim.get(attackersCallback.toString()))).isEqualTo(SsoSignInFailure.URL);
        assertThat(signedInAs(victim)).isNull();
    }

    @Test
    void an_id_token_naming_another_issuer_is_refused_though_signed_with_the_providers_key() throws Exception {
        assertForgedTokenRefused(OidcTestServer.get().issuerUrl("elsewhere").toString(), OidcTestServer.ISSUER_ID, "mallory");
    }

    @Test
    void an_id_token_signed_by_another_issuers_key_is_refused() throws Exception {
        assertForgedTokenRefused(OidcTestServer.issuer(), "elsewhere", "trudy");
    }

    private void assertForgedTokenRefused(String issuer, String signedByIssuerId, String username) throws Exception {
        SsoBrowser browser = browser();
        URI authorize = browser.startSignIn();
        URI callback = browser.authorize(authorize);
        Map<String, Object> claims = Map.of("iss", issuer, "sub", "subject-" + username, "aud", List.of(OidcTestServer.CLIENT_ID),
                "nonce", queryParameter(authorize, "nonce"), "preferred_username", username, "groups", List.of("steward-admins"));
        OidcTestServer.answerNextTokenRequestWith(
                OidcTestServer.get().getConfig().getTokenProvider().jwt(claims, Duration.ofMinutes(5), signedByIssuerId).serialize());

        assertThat(SsoBrowser.landing(browser.get(callback.toString()))).isEqualTo(SsoSignInFailure.URL);
        assertThat(signedInAs(browser)).isNull();
        assertThat(dsl.fetchExists(APP_USER, APP_USER.USERNAME.eq(username))).isFalse();
    }

    @Test
    void a_single_sign_on_user_cannot_use_a_password_on_the_form_or_the_api() throws Exception {
        assertThat(SsoBrowser.landing(browser().signInAs("subject-sam", claims("sam.sso", List.of("steward-admins"))))).isEqualTo("/");

        // two guesses on each channel: four failures stay under the throttle, so each answer is the check's own
        for (String guess : List.of("subject-sam", "password")) {
            SsoBrowser browser = browser();
            assertThat(SsoBrowser.landing(browser.signInWithPassword("sam.sso", guess))).contains("error");
            assertThat(signedInAs(browser)).isNull();
            String basic = Base64.getEncoder().encodeToString(("sam.sso:" + guess).getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> api = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + "/api/platform/plugins")).header("Authorization", "Basic " + basic).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(api.statusCode()).isEqualTo(401);
        }
        // nor can an administrator hand them one
        UserAccount sam = asAdmin(() -> users.list().stream().filter(u -> u.username().equals("sam.sso")).findFirst().orElseThrow());
        assertThatThrownBy(() -> asAdmin(() -> users.resetPassword(sam.id(), sam.version())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(OidcTestServer.PROVIDER_NAME);
    }

    private static String queryParameter(URI uri, String name) {
        return Arrays.stream(uri.getRawQuery().split("&")).filter(p -> p.startsWith(name + "="))
                .map(p -> URLDecoder.decode(p.substring(name.length() + 1), StandardCharsets.UTF_8)).findFirst().orElseThrow();
    }
}
