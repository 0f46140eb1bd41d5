package dev.steward.console.security;

import dev.steward.testkit.MovableClock;
import dev.steward.platform.security.Role;
import dev.steward.platform.security.UserAccountService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12, defect 5: nobody can lock the administrator out by failing to sign in as them. Through the real HTTP
 * stack, HTTP Basic and the login form, from addresses the test chooses (trusted {@code X-Forwarded-For}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "server.forward-headers-strategy=native",
        "steward.admin.username=lock-admin", "steward.admin.password=lock-admin-passphrase"})
@Import(MovableClock.Config.class)
class LockoutAttackTest {

    private static final String API = "/api/platform/plugins";
    private static final String PASSWORD = "lock-admin-passphrase";

    @LocalServerPort
    int port;
    @Autowired
    MovableClock clock;
    @Autowired
    UserAccountService users;
    @Autowired
    ApplicationContext context;

    @Test
    void a_flood_of_bad_passwords_from_one_address_does_not_stop_the_real_admin_from_a_known_address() throws Exception {
        ConsoleHttp owner = new ConsoleHttp(port, "198.51.100.7");
        assertThat(owner.getWithBasic(API, "lock-admin", PASSWORD).statusCode()).isEqualTo(200);

        ConsoleHttp attacker = new ConsoleHttp(port, "203.0.113.9");
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            statuses.add(attacker.getWithBasic(API, "lock-admin", "guess-" + i).statusCode());
        }
        assertThat(statuses.subList(0, 5)).containsOnly(401);
        assertThat(statuses.subList(5, 100)).containsOnly(429);

        HttpResponse<String> rightPasswordWrongPlace = attacker.getWithBasic(API, "lock-admin", PASSWORD);
        assertThat(rightPasswordWrongPlace.statusCode()).isEqualTo(429);
        assertThat(rightPasswordWrongPlace.body()).contains("Too many attempts, try again in 1 minute");
        assertThat(rightPasswordWrongPlace.headers().firstValue("Retry-After")).hasValue("60");

        assertThat(owner.getWithBasic(API, "lock-admin", PASSWORD).statusCode()).isEqualTo(200);
        assertThat(owner.signIn("lock-admin", PASSWORD).headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).doesNotContain("error"));
        assertThat(owner.isSignedIn()).isTrue();

        clock.advance(Duration.ofSeconds(61));
        assertThat(attacker.getWithBasic(API, "lock-admin", PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    void the_login_form_is_throttled_like_basic_and_another_address_is_not() throws Exception {
        new TestUsers(context).createWithPassword("form-admin", Role.ADMIN, PASSWORD);
        ConsoleHttp attacker = new ConsoleHttp(port, "203.0.113.10");
        for (int i = 0; i < 5; i++) {
            assertThat(attacker.signIn("form-admin", "guess-" + i).headers().firstValue("Location"))
                    .hasValueSatisfying(location -> assertThat(location).endsWith("/login?error"));
        }
        assertThat(attacker.getWithBasic(API, "form-admin", PASSWORD).statusCode()).isEqualTo(429);
        assertThat(attacker.signIn("form-admin", PASSWORD).headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/login?error"));
        assertThat(attacker.isSignedIn()).isFalse();

        ConsoleHttp colleague = new ConsoleHttp(port, "192.0.2.44");
        assertThat(colleague.signIn("form-admin", PASSWORD).headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).doesNotContain("error"));
        assertThat(colleague.isSignedIn()).isTrue();
    }
}
