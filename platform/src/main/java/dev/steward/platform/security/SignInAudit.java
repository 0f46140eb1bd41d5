package dev.steward.platform.security;

import dev.steward.platform.audit.AuditEvent;
import dev.steward.platform.audit.AuditTrail;
import org.jooq.DSLContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import static dev.steward.platform.db.generated.Tables.SIGN_IN_AUDIT_WINDOW;

/**
 * Audits sign-ins and refused credentials without letting a flood fill or serialise the audit log. Refusals are
 * counted per kind, subject (account, or token) and source in fixed windows: the first of a window is written at
 * once, the others together as one summary entry when the window has closed ({@link #writeSummaries}, run by the
 * {@code platform.sign-in-housekeeping} job). Throttled attempts are only counted. Console sign-ins and sign-outs
 * are written one by one: they need the right password.
 */
@Service
public class SignInAudit {

    /** What was refused or done; the audit action and entity type it is written as. */
    public enum Kind {
        SIGN_IN_FAILED("session", "LOGIN_FAILED", true),
        SIGN_IN_THROTTLED("session", "LOGIN_THROTTLED", false),
        ONE_TIME_PASSWORD_ON_API("session", "LOGIN_REFUSED", true),
        API_SIGN_IN("session", "API_LOGIN", true),
        API_TOKEN_REFUSED("api_token", "AUTH_FAILED", true),
        SECOND_FACTOR_FAILED("session", "MFA_FAILED", true),
        PASSWORD_ON_API_WITH_MFA("session", "LOGIN_REFUSED", true);

        final String entityType;
        final String action;
        final boolean firstWrittenAtOnce;

        Kind(String entityType, String action, boolean firstWrittenAtOnce) {
            this.entityType = entityType;
            this.action = action;
            this.firstWrittenAtOnce = firstWrittenAtOnce;
        }
    }

    public static final String UNKNOWN_ACCOUNT = "(unknown user)";
    public static final String UNKNOWN_TOKEN = "(unknown token)";

    private final DSLContext dsl;
    private final AuditTrail audit;
    private final Clock clock;
    private final Duration window;

    public SignInAudit(DSLContext dsl, AuditTrail audit, ObjectProvider<Clock> clock,
                       @Value("${steward.sign-in.audit-window:10m}") Duration window) {
        this.dsl = dsl;
        this.audit = audit;
        this.clock = clock.getIfUnique(Clock::systemUTC);
        this.window = window;
    }

    /** Counts one event; writes it to the audit log if it is the first of its kind, subject and source in this window. */
    @Transactional
    public void count(Kind kind, String subject, String source, Map<String, ?> details) {
        String from = SignInSource.normalise(source);
        String who = subject == null || subject.isBlank() ? UNKNOWN_ACCOUNT : subject.length() > 120 ? subject.substring(0, 120) : subject;
        var windowStart = windowStart(clock.instant());
        boolean first = dsl.insertInto(SIGN_IN_AUDIT_WINDOW).set(SIGN_IN_AUDIT_WINDOW.KIND, kind.name())
                .set(SIGN_IN_AUDIT_WINDOW.SUBJECT, who).set(SIGN_IN_AUDIT_WINDOW.SOURCE, from)
                .set(SIGN_IN_AUDIT_WINDOW.WINDOW_START, windowStart).set(SIGN_IN_AUDIT_WINDOW.ATTEMPTS, 1)
                .onConflictDoNothing().execute() == 1;
        if (!first) {
            dsl.update(SIGN_IN_AUDIT_WINDOW).set(SIGN_IN_AUDIT_WINDOW.ATTEMPTS, SIGN_IN_AUDIT_WINDOW.ATTEMPTS.plus(1))
                    .where(SIGN_IN_AUDIT_WINDOW.KIND.eq(kind.name())).and(SIGN_IN_AUDIT_WINDOW.SUBJECT.eq(who))
                    .and(SIGN_IN_AUDIT_WINDOW.SOURCE.eq(from)).and(SIGN_IN_AUDIT_WINDOW.WINDOW_START.eq(windowStart)).execute();
        } else if (kind.firstWrittenAtOnce) {
            Map<String, Object> after = new LinkedHashMap<>(details == null ? Map.of() : details);
            after.put("source", from);
            audit.record(AuditEvent.of("platform", kind.entityType, who, kind.action).actor(actor(kind, who)).after(after));
        }
    }

    /** A console sign-in with the right password. */
    @Transactional
    public void signedIn(String username, boolean mustChangePassword) {
        signedIn(username, mustChangePassword ? "one-time password: may only change it" : null);
    }

    /** A console sign-in with the right password, and what it may do so far (null: everything its roles allow). */
    @Transactional
    public void signedIn(String username, String outcome) {
        audit.record(AuditEvent.of("platform", "session", username, "LOGIN").actor(username)
                .after(outcome == null ? null : Map.of("outcome", outcome)));
    }

    @EventListener
    @Transactional
    public void onLogout(LogoutSuccessEvent event) {
        String username = event.getAuthentication().getName();
        audit.record(AuditEvent.of("platform", "session", username, "LOGOUT").actor(username));
    }

    /**
     * Writes one summary entry for every closed window holding events not yet written, and forgets those windows.
     * The rows are claimed by deleting them, so with several consoles each window is summarised once.
     */
    @Transactional
    public int writeSummaries() {
        Instant now = clock.instant();
        var closed = dsl.deleteFrom(SIGN_IN_AUDIT_WINDOW)
                .where(SIGN_IN_AUDIT_WINDOW.WINDOW_START.le(now.minus(window)))
                .returning().fetch();
        int written = 0;
        for (var row : closed) {
            Kind kind = Kind.valueOf(row.getKind());
            int unwritten = row.getAttempts() - (kind.firstWrittenAtOnce ? 1 : 0);
            if (unwritten <= 0) {
                continue;
            }
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("attempts", row.getAttempts());
            after.put("not_written_singly", unwritten);
            after.put("source", row.getSource());
            after.put("window_start", row.getWindowStart().toString());
            after.put("window_end", row.getWindowStart().plus(window).toString());
            audit.record(AuditEvent.of("platform", kind.entityType, row.getSubject(), kind.action + "_SUMMARY")
                    .actor(actor(kind, row.getSubject())).after(after));
            written++;
        }
        return written;
    }

    private Instant windowStart(Instant at) {
        long size = window.toMillis();
        return Instant.ofEpochMilli(Math.floorDiv(at.toEpochMilli(), size) * size);
    }

    private static String actor(Kind kind, String subject) {
        return kind == Kind.API_TOKEN_REFUSED || subject.equals(UNKNOWN_ACCOUNT) ? "anonymous" : subject;
    }
}
