package dev.steward.platform.security;

import dev.steward.testkit.MovableClock;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.AuthenticationException;

import java.time.Duration;
import java.util.Map;

import static dev.steward.platform.db.generated.Tables.AUDIT_LOG;
import static dev.steward.platform.security.SignInTestSupport.attempt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A flood of refused sign-ins and tokens writes a bounded number of audit entries, and the summaries keep the count. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@Import(MovableClock.Config.class)
class SignInAuditTest {

    @Autowired
    SignInAuthentication signIn;
    @Autowired
    SignInAudit audit;
    @Autowired
    UserAccountService users;
    @Autowired
    MovableClock clock;
    @Autowired
    DSLContext dsl;

    private int auditEntriesFrom(String source) {
        return dsl.fetchCount(AUDIT_LOG, AUDIT_LOG.AFTER_DATA.contains("\"" + source + "\""));
    }

    @Test
    void a_thousand_failed_sign_ins_from_one_address_write_a_few_entries_and_the_summary_carries_the_count() {
        users.createInitialAdmin("flooded", "correct-horse-battery", false);
        for (int i = 0; i < 1000; i++) {
            try {
                attempt(signIn.forApi(), "flooded", "guess-" + i, "203.0.113.90");
            } catch (AuthenticationException expected) {
                // wrong, then throttled
            }
        }
        assertThat(auditEntriesFrom("203.0.113.90")).as("only the first failure at once").isEqualTo(1);

        clock.advance(Duration.ofMinutes(11));
        audit.writeSummaries();
        assertThat(auditEntriesFrom("203.0.113.90")).isEqualTo(3);
        var summaries = dsl.selectFrom(AUDIT_LOG).where(AUDIT_LOG.AFTER_DATA.contains("\"203.0.113.90\""))
                .and(AUDIT_LOG.ACTION.endsWith("_SUMMARY")).fetchMap(AUDIT_LOG.ACTION, AUDIT_LOG.AFTER_DATA);
        assertThat(summaries.get("LOGIN_FAILED_SUMMARY")).contains("\"attempts\":5").contains("\"not_written_singly\":4");
        assertThat(summaries.get("LOGIN_THROTTLED_SUMMARY")).contains("\"attempts\":995");
        assertThat(dsl.fetchValue(AUDIT_LOG.ENTITY_ID, AUDIT_LOG.AFTER_DATA.contains("\"203.0.113.90\"")
                .and(AUDIT_LOG.ACTION.eq("LOGIN_FAILED")))).isEqualTo("flooded");
    }

    @Test
    void a_thousand_refused_tokens_write_one_entry_at_once_and_one_summary() {
        for (int i = 0; i < 1000; i++) {
            audit.count(SignInAudit.Kind.API_TOKEN_REFUSED, SignInAudit.UNKNOWN_TOKEN, "203.0.113.91", Map.of("path", "/api/x"));
        }
        assertThat(auditEntriesFrom("203.0.113.91")).isEqualTo(1);
        clock.advance(Duration.ofMinutes(11));
        audit.writeSummaries();
        assertThat(dsl.fetchValue(AUDIT_LOG.AFTER_DATA, AUDIT_LOG.AFTER_DATA.contains("\"203.0.113.91\"")
                .and(AUDIT_LOG.ACTION.eq("AUTH_FAILED_SUMMARY")))).contains("\"attempts\":1000");
        assertThat(auditEntriesFrom("203.0.113.91")).isEqualTo(2);
    }

    @Test
    void a_mistyped_password_in_the_user_name_field_is_not_written_to_the_log() {
        assertThatThrownBy(() -> attempt(signIn.forConsole(), "MySecret-Passw0rd", "x", "203.0.113.92"))
                .isInstanceOf(BadCredentialsException.class);
        assertThat(dsl.fetchExists(AUDIT_LOG, AUDIT_LOG.AFTER_DATA.contains("\"203.0.113.92\"")
                .and(AUDIT_LOG.ENTITY_ID.eq(SignInAudit.UNKNOWN_ACCOUNT)))).isTrue();
        assertThat(dsl.fetchExists(AUDIT_LOG, AUDIT_LOG.ENTITY_ID.contains("MySecret").or(AUDIT_LOG.ACTOR.contains("MySecret")))).isFalse();
    }

    @Test
    void a_logout_is_audited() {
        audit.onLogout(new org.springframework.security.authentication.event.LogoutSuccessEvent(
                org.springframework.security.authentication.UsernamePasswordAuthenticationToken.authenticated("dora", null, java.util.List.of())));
        assertThat(dsl.fetchExists(AUDIT_LOG, AUDIT_LOG.ACTION.eq("LOGOUT").and(AUDIT_LOG.ACTOR.eq("dora")))).isTrue();
    }
}
