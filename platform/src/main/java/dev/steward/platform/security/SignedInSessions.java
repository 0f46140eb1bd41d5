package dev.steward.platform.security;

import dev.steward.platform.cluster.ClusterEvents;
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
 * session). Sessions live in the console that made them (sticky sessions at the balancer): the change is also
 * published to the other consoles on the database ({@link ClusterEvents}), which end that user's sessions they hold.
 */
@Component
public class SignedInSessions implements HttpSessionListener, HttpSessionIdListener {

    private static final Logger log = LoggerFactory.getLogger(SignedInSessions.class);

    private static final String TOPIC = "sessions-ended";

    private final Map<String, HttpSession> sessions = new ConcurrentHashMap<>();
    private final ClusterEvents cluster;

    public SignedInSessions(ClusterEvents cluster) {
        this.cluster = cluster;
        cluster.subscribe(TOPIC, event -> {
            if (!event.fromThisConsole()) {
                String[] userAndKept = event.payload().split("\n", 2);
                int ended = end(userAndKept[0], userAndKept.length > 1 ? userAndKept[1] : "");
                if (ended > 0) {
                    log.info("Ended {} session(s) of {} (changed on another console)", ended, userAndKept[0]);
                }
            }
        });
    }

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

    /** In the transaction making the change: the other consoles hear of it when it commits. */
    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    public void tellOtherConsoles(AccountSecurityChanged change) {
        cluster.publish(TOPIC, change.username() + "\n" + (change.keepSessionId() == null ? "" : change.keepSessionId()));
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
