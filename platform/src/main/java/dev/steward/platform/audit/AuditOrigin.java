package dev.steward.platform.audit;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.util.function.Supplier;

/**
 * Who is acting and from where: the authenticated user and the HTTP request's address and session, or an
 * explicitly named actor for work outside a request ({@link #runAs}).
 */
public record AuditOrigin(String actor, String clientIp, String sessionId) {

    public static final String SYSTEM = "system";
    private static final ThreadLocal<AuditOrigin> OVERRIDE = new ThreadLocal<>();

    public static AuditOrigin current() {
        AuditOrigin override = OVERRIDE.get();
        if (override != null) {
            return override;
        }
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        String actor = auth != null && auth.isAuthenticated() ? auth.getName() : SYSTEM;
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            var request = attributes.getRequest();
            var session = request.getSession(false);
            // behind a proxy, set server.forward-headers-strategy so that this is the client's address
            return new AuditOrigin(actor, request.getRemoteAddr(), session == null ? null : session.getId());
        }
        return new AuditOrigin(actor, null, null);
    }

    /** Runs work attributed to the given actor (a scheduled job, a command-line tool, a UI background task). */
    public static <T> T runAs(AuditOrigin origin, Supplier<T> work) {
        AuditOrigin previous = OVERRIDE.get();
        OVERRIDE.set(origin);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                OVERRIDE.remove();
            } else {
                OVERRIDE.set(previous);
            }
        }
    }
}
