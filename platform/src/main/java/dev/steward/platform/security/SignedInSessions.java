package dev.steward.platform.security;

import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionIdListener;
import jakarta.servlet.http.HttpSessionListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The HTTP sessions of this console (Spring Boot registers this bean as a servlet session listener), so that a
 * user's sessions can be ended at once when they are deactivated, lose or gain a role, or have their password
 * reset or changed. Sessions are told apart by the user signed in to them (Spring Security's context, kept in the
 * session). Sessions live in the console that made them: with several consoles on one database, the change ends
 * only the sessions held by the console where it was made (the README says so).
 */
@Component
public class SignedInSessions implements HttpSessionListener, HttpSessionIdListener {

    private static final Logger log = LoggerFactory.getLogger(SignedInSessions.class);

    private final Map<String, HttpSession> sessions = new ConcurrentHashMap<>();

    @Override
    public void sessionCreated(HttpSessionEvent event) {
        sessions.put(event.getSession().getId(), event.getSession());
    }

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        sessions.remove(event.getSession().getId());
    }

    /** Signing in changes the session id (session fixation protection). */
    @Override
    public void sessionIdChanged(HttpSessionEvent event, String oldSessionId) {
        sessions.remove(oldSessionId);
        sessions.put(event.getSession().getId(), event.getSession());
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    public void onAccountSecurityChanged(AccountSecurityChanged change) {
        int ended = end(change.username(), change.keepSessionId());
        if (ended > 0) {
            log.info("Ended {} session(s) of {} ({})", ended, change.username(), change.change().name().toLowerCase().replace('_', ' '));
        }
    }

    /** Invalidates every session signed in as this user but the one to keep; returns how many ended. */
    public int end(String username, String keepSessionId) {
        int ended = 0;
        for (HttpSession session : List.copyOf(sessions.values())) {
            if (session.getId().equals(keepSessionId) || !username.equals(userOf(session))) {
                continue;
            }
            try {
                session.invalidate();
                ended++;
            } catch (IllegalStateException alreadyInvalid) {
                // ended meanwhile
            }
            sessions.remove(session.getId());
        }
        return ended;
    }

    /** The users signed in to this console's open sessions, one entry per session. */
    public List<String> signedInUsers() {
        return sessions.values().stream().map(SignedInSessions::userOf).filter(Objects::nonNull).toList();
    }

    private static String userOf(HttpSession session) {
        try {
            return session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY) instanceof SecurityContext context
                    && context.getAuthentication() != null ? context.getAuthentication().getName() : null;
        } catch (IllegalStateException invalidated) {
            return null;
        }
    }
}
