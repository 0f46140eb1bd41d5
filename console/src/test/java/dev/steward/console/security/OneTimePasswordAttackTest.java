package dev.steward.console.security;

import dev.steward.platform.security.Role;
import dev.steward.platform.security.UserAccountService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 12, defect 3: a one-time password is for choosing a password in the console, not for the API. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OneTimePasswordAttackTest {

    @LocalServerPort
    int port;
    @Autowired
    UserAccountService users;
    @Autowired
    ApplicationContext context;

    @Test
    void a_one_time_password_is_refused_on_the_api_until_it_has_been_changed_in_the_console() throws Exception {
        TestUsers admin = new TestUsers(context);
        String oneTime = admin.create("otp-admin", Role.ADMIN);
        ConsoleHttp api = new ConsoleHttp(port, null);

        var refused = api.getWithBasic("/api/platform/plugins", "otp-admin", oneTime);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).contains("The password must be changed in the console first");

        admin.changeOwnPassword("otp-admin", oneTime, "otp-admin-own-passphrase");
        assertThat(api.getWithBasic("/api/platform/plugins", "otp-admin", "otp-admin-own-passphrase").statusCode()).isEqualTo(200);
        assertThat(api.getWithBasic("/api/platform/plugins", "otp-admin", oneTime).statusCode()).isEqualTo(401);
    }

    @Test
    void a_password_reset_by_an_admin_makes_the_api_refuse_the_user_again() throws Exception {
        TestUsers admin = new TestUsers(context);
        admin.createWithPassword("reset-me", Role.ADMIN, "reset-me-passphrase");
        ConsoleHttp api = new ConsoleHttp(port, null);
        assertThat(api.getWithBasic("/api/platform/plugins", "reset-me", "reset-me-passphrase").statusCode()).isEqualTo(200);

        var account = admin.find("reset-me");
        String oneTime = admin.asAdmin(() -> users.resetPassword(account.id(), account.version()));
        assertThat(api.getWithBasic("/api/platform/plugins", "reset-me", oneTime).statusCode()).isEqualTo(401);
    }
}
