package dev.steward.platform.security;

import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.TestPropertySource;

import static dev.steward.platform.db.generated.Tables.APP_USER;
import static dev.steward.platform.db.generated.Tables.AUDIT_LOG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Logs in through Spring Security's real authentication path (user details from the database, events, listeners). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@TestPropertySource(properties = {"steward.security.max-failed-logins=3", "steward.security.lockout=10m"})
class LoginThrottleTest {

    @Autowired
    StewardUserDetailsService userDetails;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    AuthenticationEventPublisher events;
    @Autowired
    UserAccountService users;
    @Autowired
    DSLContext dsl;

    private ProviderManager authentication;

    @BeforeEach
    void authenticationAsTheConsoleDoesIt() {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(userDetails);
        provider.setPasswordEncoder(encoder);
        authentication = new ProviderManager(provider);
        authentication.setAuthenticationEventPublisher(events);
    }

    private void login(String username, String password) {
        authentication.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(username, password));
    }

    @Test
    void a_good_login_carries_role_and_permission_authorities_and_is_audited() {
        users.createInitialAdmin("alma", "correct-horse-battery", false);
        var result = authentication.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("alma", "correct-horse-battery"));
        assertThat(result.getAuthorities()).extracting(Object::toString)
                .contains("ROLE_ADMIN", PlatformPermissions.USERS_MANAGE, PlatformPermissions.AUDIT_READ);
        assertThat(dsl.fetchExists(AUDIT_LOG, AUDIT_LOG.ACTION.eq("LOGIN").and(AUDIT_LOG.ACTOR.eq("alma")))).isTrue();
        assertThat(dsl.select(APP_USER.LAST_LOGIN_AT).from(APP_USER).where(APP_USER.USERNAME.eq("alma")).fetchOne().value1()).isNotNull();
    }

    @Test
    void repeated_failures_lock_the_account_even_for_the_right_password_and_each_failure_is_audited() {
        users.createInitialAdmin("bert", "correct-horse-battery", false);
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> login("bert", "wrong")).isInstanceOf(BadCredentialsException.class);
        }
        assertThatThrownBy(() -> login("bert", "correct-horse-battery")).isInstanceOf(LockedException.class);
        assertThat(dsl.fetchCount(AUDIT_LOG, AUDIT_LOG.ACTION.eq("LOGIN_FAILED").and(AUDIT_LOG.ACTOR.eq("bert")))).isEqualTo(4);
        assertThat(dsl.fetchExists(AUDIT_LOG, AUDIT_LOG.AFTER_DATA.contains("account locked for 10 min after 3 failures"))).isTrue();
    }

    @Test
    void an_unknown_user_fails_like_a_wrong_password_and_is_audited() {
        assertThatThrownBy(() -> login("nobody", "whatever")).isInstanceOf(BadCredentialsException.class);
        assertThat(dsl.fetchExists(AUDIT_LOG, AUDIT_LOG.ACTION.eq("LOGIN_FAILED").and(AUDIT_LOG.ACTOR.eq("nobody")))).isTrue();
    }

    @Autowired
    org.springframework.context.ApplicationEventPublisher publisher;

    @Test
    void a_logout_is_audited() {
        publisher.publishEvent(new org.springframework.security.authentication.event.LogoutSuccessEvent(
                UsernamePasswordAuthenticationToken.authenticated("dora", null, java.util.List.of())));
        assertThat(dsl.fetchExists(AUDIT_LOG, AUDIT_LOG.ACTION.eq("LOGOUT").and(AUDIT_LOG.ACTOR.eq("dora")))).isTrue();
    }

    @Test
    void a_deactivated_user_cannot_log_in() {
        users.createInitialAdmin("carl", "correct-horse-battery", false);
        dsl.update(APP_USER).set(APP_USER.ACTIVE, false).where(APP_USER.USERNAME.eq("carl")).execute();
        assertThatThrownBy(() -> login("carl", "correct-horse-battery")).isInstanceOf(DisabledException.class);
    }
}
