package dev.steward.platform.audit;

import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.io.Serializable;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.function.Supplier;

/**
 * Who is acting and from where: the authenticated user and the HTTP request's address and audit session, or an
 * explicitly named actor for work outside a request ({@link #runAs}).
 * <p>
 * The audit session is a random id made once per HTTP session and signed-in user, kept as a session attribute. It
 * ties together the entries of one sitting, but unlike the servlet session id it cannot be sent back as a cookie:
 * whoever may read the audit log must not be able to take over the sessions it mentions.
 */
public record AuditOrigin(String actor, String clientIp, String auditSession) {

    public static final String SYSTEM = "system";
    static final String SESSION_ATTRIBUTE = AuditOrigin.class.getName() + ".auditSession";
    private static final ThreadLocal<AuditOrigin> OVERRIDE = new ThreadLocal<>();
    private static final SecureRandom RANDOM = new SecureRandom();

    public static AuditOrigin current() {
        return current(null);
    }

    /**
     * As {@link #current()}, for an entry that names its actor (a sign-in is written while the user is being
     * authenticated): the audit session is then the one of that actor.
     */
    public static AuditOrigin current(String namedActor) {
        AuditOrigin override = OVERRIDE.get();
        if (override != null) {
            return override;
        }
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        String actor = namedActor != null ? namedActor : auth != null && auth.isAuthenticated() ? auth.getName() : SYSTEM;
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            var request = attributes.getRequest();
            var session = request.getSession(false);
            // behind a proxy, set server.forward-headers-strategy so that this is the client's address
            return new AuditOrigin(actor, request.getRemoteAddr(), session == null ? null : auditSession(session, actor));
        }
        return new AuditOrigin(actor, null, null);
    }

    /**
     * The session's audit id for this actor. A new one is made when the actor changes (signing in keeps the servlet
     * session's attributes across Spring Security's session-fixation protection), so an id seen before sign-in is
     * never the id of the signed-in sitting.
     */
    private static String auditSession(HttpSession session, String actor) {
        if (session.getAttribute(SESSION_ATTRIBUTE) instanceof AuditSession known && known.actor().equals(actor)) {
            return known.id();
        }
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        AuditSession fresh = new AuditSession(actor, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
        session.setAttribute(SESSION_ATTRIBUTE, fresh);
        return fresh.id();
    }

    record AuditSession(String actor, String id) implements Serializable {
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
