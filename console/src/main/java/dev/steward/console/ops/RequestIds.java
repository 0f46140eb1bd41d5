package dev.steward.console.ops;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Every request (pages, Vaadin's UIDL and heartbeat requests, the API, the probes) gets a request id: the proxy's
 * {@code X-Request-Id} when it is a sane token (at most 64 of {@code A-Z a-z 0-9 . _ -}), else a new one. It is
 * echoed in the {@code X-Request-Id} response header and kept in the logging MDC as {@code http.request.id} (the
 * Elastic Common Schema field) for every line logged while the request runs, so an operator finds a user's or
 * client's request in the log. A forged header (line breaks, megabytes) never reaches the log: it is replaced.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10) // before everything that may log, Spring Security included
public class RequestIds extends OncePerRequestFilter {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "http.request.id";
    private static final String ATTRIBUTE = RequestIds.class.getName();
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // an error or async dispatch of the same request keeps its id
        String id = request.getAttribute(ATTRIBUTE) instanceof String kept ? kept : idOf(request.getHeader(HEADER));
        request.setAttribute(ATTRIBUTE, id);
        if (!response.isCommitted()) {
            response.setHeader(HEADER, id);
        }
        String outer = MDC.get(MDC_KEY);
        MDC.put(MDC_KEY, id);
        try {
            chain.doFilter(request, response);
        } finally {
            if (outer == null) {
                MDC.remove(MDC_KEY);
            } else {
                MDC.put(MDC_KEY, outer);
            }
        }
    }

    /** The proxy's id if it is usable, else a new one. */
    static String idOf(String header) {
        return header != null && SANE.matcher(header).matches() ? header : UUID.randomUUID().toString();
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }
}
