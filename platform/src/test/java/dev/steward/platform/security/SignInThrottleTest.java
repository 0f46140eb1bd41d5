package dev.steward.platform.security;

import dev.steward.testkit.MovableClock;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.authentication.DisabledException;

import java.time.Duration;

import static dev.steward.platform.db.generated.Tables.APP_USER;
import static dev.steward.platform.db.generated.Tables.AUDIT_LOG;
import static dev.steward.platform.db.generated.Tables.SIGN_IN_FAILURE;
import static dev.steward.platform.security.SignInTestSupport.attempt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Signs in through the console's and the API's real authentication managers (user details from the database, the
 * throttle, the audit), with a clock the test moves. Each test uses its own accounts and addresses: they share one
 * database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@Import(MovableClock.Config.class)
class SignInThrottleTest {

    private static final String PASSWORD = "correct-horse-battery";

    @Autowired
    SignInAuthentication signIn;
    @Autowired
    SignInThrottle throttle;
    @Autowired
    UserAccountService users;
    @Autowired
    MovableClock clock;
    @Autowired
    DSLContext dsl;

    private void failFiveTimes(String username, String from) {
        for (int i = 0; i < 5; i++) {
            String guess = "wrong-" + i;
            assertThatThrownBy(() -> attempt(signIn.forConsole(), username, guess, from)).isInstanceOf(BadCredentialsException.class);
        }
    }

    @Test
    void a_good_sign_in_carries_role_and_permission_authorities_and_is_audited() {
        users.createInitialAdmin("alma", PASSWORD, false);
        var result = attempt(signIn.forConsole(), "alma", PASSWORD, "192.0.2.1");
        assertThat(result.getAuthorities()).extracting(Object::toString)
                .contains("ROLE_ADMIN", PlatformPermissions.USERS_MANAGE, PlatformPermissions.AUDIT_READ);
        assertThat(dsl.fetchExists(AUDIT_LOG, AUDIT_LOG.ACTION.eq("LOGIN").and(AUDIT_LOG.ACTOR.eq("alma")))).isTrue();
        assertThat(dsl.select(APP_USER.LAST_LOGIN_AT).from(APP_USER).where(APP_USER.USERNAME.eq("alma")).fetchOne().value1()).isNotNull();
    }

    @Test
    void a_flood_of_bad_passwords_does_not_lock_the_owner_out_of_an_address_they_signed_in_from() {
        users.createInitialAdmin("root-admin", PASSWORD, false);
        attempt(signIn.forConsole(), "root-admin", PASSWORD, "198.51.100.7"); // the owner's office, now known
        for (int i = 0; i < 200; i++) {
            try {
                attempt(signIn.forApi(), "root-admin", "guess-" + i, "203.0.113.9");
            } catch (BadCredentialsException | SignInThrottledException expected) {
                // the attacker is told no more than that
            }
        }
        assertThat(attempt(signIn.forConsole(), "root-admin", PASSWORD, "198.51.100.7").isAuthenticated()).isTrue();
        assertThat(attempt(signIn.forApi(), "root-admin", PASSWORD, "198.51.100.7").isAuthenticated()).isTrue();
    }

    @Test
    void the_flooding_address_is_refused_even_with_the_right_password_until_a_delay_that_doubles_has_passed() {
        users.createInitialAdmin("bert", PASSWORD, false);
        failFiveTimes("bert", "203.0.113.20");
        assertThatThrownBy(() -> attempt(signIn.forConsole(), "bert", PASSWORD, "203.0.113.20"))
                .isInstanceOf(SignInThrottledException.class).hasMessage("Too many attempts, try again in 1 minute");

        clock.advance(Duration.ofSeconds(61));
        assertThatThrownBy(() -> attempt(signIn.forConsole(), "bert", "wrong-again", "203.0.113.20"))
                .isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> attempt(signIn.forApi(), "bert", PASSWORD, "203.0.113.20"))
                .isInstanceOf(SignInThrottledException.class).hasMessage("Too many attempts, try again in 2 minutes");

        clock.advance(Duration.ofMinutes(2).plusSeconds(1));
        assertThat(attempt(signIn.forConsole(), "bert", PASSWORD, "203.0.113.20").isAuthenticated()).isTrue();
    }

    @Test
    void the_delay_doubles_up_to_fifteen_minutes() {
        assertThat(throttle.delayAfter(0)).isEqualTo(Duration.ofMinutes(1));
        assertThat(throttle.delayAfter(3)).isEqualTo(Duration.ofMinutes(8));
        assertThat(throttle.delayAfter(4)).isEqualTo(Duration.ofMinutes(15));
        assertThat(throttle.delayAfter(40)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void another_address_is_not_held_back_by_one_addresses_failures() {
        users.createInitialAdmin("cleo", PASSWORD, false);
        failFiveTimes("cleo", "203.0.113.30");
        assertThat(attempt(signIn.forConsole(), "cleo", PASSWORD, "192.0.2.30").isAuthenticated()).isTrue();
    }

    @Test
    void password_spraying_from_one_address_is_slowed_across_accounts() {
        for (int i = 0; i < 20; i++) {
            users.createInitialAdmin("spray" + i, PASSWORD, false);
        }
        for (int i = 0; i < 20; i++) {
            int n = i;
            assertThatThrownBy(() -> attempt(signIn.forApi(), "spray" + n, "Summer2026!", "203.0.113.40"))
                    .isInstanceOf(BadCredentialsException.class);
        }
        users.createInitialAdmin("spray-next", PASSWORD, false);
        assertThatThrownBy(() -> attempt(signIn.forApi(), "spray-next", PASSWORD, "203.0.113.40"))
                .isInstanceOf(SignInThrottledException.class);
    }

    @Test
    void many_addresses_against_one_account_hold_back_new_addresses_but_not_the_owners_known_one() {
        users.createInitialAdmin("dora", PASSWORD, false);
        attempt(signIn.forConsole(), "dora", PASSWORD, "198.51.100.50");
        for (int i = 0; i < 10; i++) {
            int n = i;
            assertThatThrownBy(() -> attempt(signIn.forApi(), "dora", "guess", "203.0.113." + (100 + n)))
                    .isInstanceOf(BadCredentialsException.class);
        }
        assertThatThrownBy(() -> attempt(signIn.forApi(), "dora", PASSWORD, "203.0.113.200"))
                .isInstanceOf(SignInThrottledException.class);
        assertThat(attempt(signIn.forConsole(), "dora", PASSWORD, "198.51.100.50").isAuthenticated()).isTrue();
    }

    @Test
    void random_user_names_add_no_rows_and_are_answered_like_real_ones() {
        int before = dsl.fetchCount(SIGN_IN_FAILURE);
        for (int i = 0; i < 50; i++) {
            try {
                attempt(signIn.forApi(), "nobody-" + i, "whatever", "203.0.113.60");
            } catch (BadCredentialsException | SignInThrottledException expected) {
                // either: the name is no account, or the address is slowed down
            }
        }
        assertThat(dsl.fetchCount(SIGN_IN_FAILURE) - before).isEqualTo(2); // unknown names from it, and the address
        assertThatThrownBy(() -> attempt(signIn.forApi(), "nobody-new", "whatever", "203.0.113.60"))
                .isInstanceOf(SignInThrottledException.class).hasMessageStartingWith("Too many attempts, try again in");
    }

    @Test
    void ipv6_addresses_of_one_network_count_as_one_source() {
        assertThat(SignInSource.normalise("2001:db8:1:2:aaaa::1")).isEqualTo(SignInSource.normalise("2001:db8:1:2:bbbb::9"))
                .isEqualTo("2001:db8:1:2::/64");
        assertThat(SignInSource.normalise("::ffff:192.0.2.1")).isEqualTo("192.0.2.1");
    }

    @Test
    void a_one_time_password_is_refused_by_the_api_and_lets_the_console_change_it_only() {
        users.createInitialAdmin("erik", PASSWORD, true);
        assertThatThrownBy(() -> attempt(signIn.forApi(), "erik", PASSWORD, "192.0.2.70")).isInstanceOf(CredentialsExpiredException.class);
        var console = attempt(signIn.forConsole(), "erik", PASSWORD, "192.0.2.70");
        // nothing but the password change, and the factor proven (Spring Security's FACTOR_PASSWORD)
        assertThat(console.getAuthorities()).extracting(org.springframework.security.core.GrantedAuthority::getAuthority)
                .containsExactlyInAnyOrder(SignInAuthentication.PASSWORD_CHANGE_REQUIRED,
                        org.springframework.security.core.authority.FactorGrantedAuthority.PASSWORD_AUTHORITY);
        assertThat(SignInAuthentication.mustChangePassword(console)).isTrue();
    }

    @Test
    void a_deactivated_user_cannot_sign_in() {
        users.createInitialAdmin("carl", PASSWORD, false);
        dsl.update(APP_USER).set(APP_USER.ACTIVE, false).where(APP_USER.USERNAME.eq("carl")).execute();
        assertThatThrownBy(() -> attempt(signIn.forConsole(), "carl", PASSWORD, "192.0.2.80")).isInstanceOf(DisabledException.class);
    }
}
