package dev.steward.console.session;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The absolute session lifetime ({@code steward.security.session.max-lifetime}, default 12 hours): however active, a
 * session that old is ended before the request is read, and the user signs in again. The idle timeout
 * ({@code server.servlet.session.timeout}) ends quiet sessions much sooner. Runs before Spring Security's filters,
 * so an ended session's sign-in is never used.
 */
@Component
@Order(-200) // Spring Security's filter chain is at -100
public class SessionLifetime extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(SessionLifetime.class);

    private final Clock clock;
    private final Duration maxLifetime;

    public SessionLifetime(ObjectProvider<Clock> clock,
                           @Value("${steward.security.session.max-lifetime:12h}") Duration maxLifetime) {
        this.clock = clock.getIfUnique(Clock::systemUTC);
        this.maxLifetime = maxLifetime;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null && expired(session)) {
            try {
                session.invalidate();
                log.info("Ended a session that reached its maximum lifetime of {}", maxLifetime);
            } catch (IllegalStateException alreadyInvalid) {
                // ended meanwhile
            }
        }
        chain.doFilter(request, response);
    }

    private boolean expired(HttpSession session) {
        try {
            return Instant.ofEpochMilli(session.getCreationTime()).plus(maxLifetime).isBefore(clock.instant());
        } catch (IllegalStateException invalidated) {
            return false;
        }
    }
}
