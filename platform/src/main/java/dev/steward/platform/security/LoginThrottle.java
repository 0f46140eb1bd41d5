package dev.steward.platform.security;

import dev.steward.platform.audit.AuditEvent;
import dev.steward.platform.audit.AuditTrail;
import org.jooq.DSLContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;

import static dev.steward.platform.db.generated.Tables.APP_USER;

/**
 * Audits every login success, failure and logout, and locks an account for a while after repeated failures
 * ({@code steward.security.max-failed-logins}, {@code steward.security.lockout}).
 */
@Component
public class LoginThrottle {

    private final DSLContext dsl;
    private final AuditTrail audit;
    private final int maxFailures;
    private final Duration lockout;

    public LoginThrottle(DSLContext dsl, AuditTrail audit,
                         @Value("${steward.security.max-failed-logins:5}") int maxFailures,
                         @Value("${steward.security.lockout:15m}") Duration lockout) {
        this.dsl = dsl;
        this.audit = audit;
        this.maxFailures = maxFailures;
        this.lockout = lockout;
    }

    @EventListener
    @Transactional
    public void onSuccess(AuthenticationSuccessEvent event) {
        String username = event.getAuthentication().getName();
        dsl.update(APP_USER).set(APP_USER.FAILED_LOGINS, 0).set(APP_USER.LOCKED_UNTIL, (OffsetDateTime) null)
                .set(APP_USER.LAST_LOGIN_AT, OffsetDateTime.now()).where(APP_USER.USERNAME.eq(username)).execute();
        audit.record(AuditEvent.of("platform", "session", username, "LOGIN").actor(username));
    }

    @EventListener
    @Transactional
    public void onLogout(LogoutSuccessEvent event) {
        String username = event.getAuthentication().getName();
        audit.record(AuditEvent.of("platform", "session", username, "LOGOUT").actor(username));
    }

    @EventListener
    @Transactional
    public void onFailure(AbstractAuthenticationFailureEvent event) {
        String username = String.valueOf(event.getAuthentication().getName());
        var user = dsl.selectFrom(APP_USER).where(APP_USER.USERNAME.eq(username)).forUpdate().fetchOptional();
        String outcome = event.getException().getClass().getSimpleName();
        if (user.isPresent() && !(event.getException() instanceof org.springframework.security.authentication.LockedException)) {
            int failures = user.get().getFailedLogins() + 1;
            boolean lock = failures >= maxFailures;
            dsl.update(APP_USER).set(APP_USER.FAILED_LOGINS, lock ? 0 : failures)
                    .set(APP_USER.LOCKED_UNTIL, lock ? OffsetDateTime.now().plus(lockout) : user.get().getLockedUntil())
                    .where(APP_USER.ID.eq(user.get().getId())).execute();
            if (lock) {
                outcome += ", account locked for " + lockout.toMinutes() + " min after " + failures + " failures";
            }
        }
        audit.record(AuditEvent.of("platform", "session", username, "LOGIN_FAILED")
                .actor(username).after(Map.of("outcome", outcome)));
    }
}
