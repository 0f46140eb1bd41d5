package dev.steward.console.security;

import dev.steward.console.mfa.MfaTestSupport;
import dev.steward.platform.security.Role;
import dev.steward.platform.security.SecondFactorRequiredException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 13 over real HTTP: a password alone gets nothing from the API of an account with two-factor authentication. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = MfaTestSupport.PRODUCTION_REQUIRED_ROLES)
class MfaHttpAttackTest {

    static final String PASSWORD = "correct-horse-battery-staple";

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    @Test
    void http_basic_with_the_right_password_is_refused_for_a_user_with_two_factor_authentication() throws Exception {
        MfaTestSupport support = new MfaTestSupport(context);
        support.createUser("basic-mfa", Role.MANAGER, PASSWORD);
        ConsoleHttp api = new ConsoleHttp(port, "203.0.113.40");
        assertThat(api.getWithBasic("/api/platform/plugins", "basic-mfa", PASSWORD).statusCode())
                .as("before: the password works (a manager may not list plugins, but is signed in)").isEqualTo(403);

        support.enrol("basic-mfa");
        var refused = api.getWithBasic("/api/platform/plugins", "basic-mfa", PASSWORD);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).contains(SecondFactorRequiredException.MESSAGE.substring(0, 60)).contains("API token");

        var wrong = api.getWithBasic("/api/platform/plugins", "basic-mfa", "not-the-password-at-all");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).as("a wrong password learns nothing more").contains("Authentication required");
    }

    @Test
    void http_basic_is_refused_for_an_administrator_who_has_not_set_up_two_factor_authentication_yet() throws Exception {
        new MfaTestSupport(context).createUser("basic-admin", Role.ADMIN, PASSWORD);
        var refused = new ConsoleHttp(port, "203.0.113.41").getWithBasic("/api/platform/plugins", "basic-admin", PASSWORD);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).contains("two-factor authentication");
    }

    @Test
    void the_sign_in_form_with_the_password_only_gives_a_session_the_api_does_not_accept() throws Exception {
        MfaTestSupport support = new MfaTestSupport(context);
        support.createUser("form-mfa", Role.ADMIN, PASSWORD);
        support.enrol("form-mfa");
        ConsoleHttp browser = new ConsoleHttp(port, "203.0.113.42");
        var signedIn = browser.signIn("form-mfa", PASSWORD);
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
        assertThat(browser.get("/api/platform/plugins").statusCode()).as("the API takes no session cookie").isEqualTo(401);
        // the pages themselves: MfaAttackTest (Vaadin navigates after the first request, over its own protocol)
    }
}
