package dev.steward.console.api;

import dev.steward.platform.db.DatabaseUnavailable;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * The first filter of the machine clients' chains: a call that fails because the database cannot be reached, in
 * authentication (an API token or a password is looked up there) or in the endpoint, is answered 503 with a problem
 * body and {@code Retry-After}: the client's credentials were not the problem, so never 401, and no stack trace.
 * A shorter outage is not seen here: the call waits for a connection in the pool (30 s) and succeeds.
 */
class DatabaseOutageResponses extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(DatabaseOutageResponses.class);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            if (!DatabaseUnavailable.causedBy(e) || response.isCommitted()) {
                throw e;
            }
            log.warn("{} {} answered 503: the database is unreachable ({})", request.getMethod(), request.getRequestURI(), e.getMessage());
            response.resetBuffer();
            MachineClients.writeDatabaseUnavailable(response);
        }
    }
}
