package dev.steward.console.ui.shell;

import com.vaadin.flow.server.VaadinServletContext;
import com.vaadin.flow.server.startup.ApplicationRouteRegistry;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * A request for an address that is no route answers 404. Vaadin serves the same start page for every
 * address and shows {@link NotFoundView} only once the page has started, with 200 on the page itself (its client
 * bootstrap), so search engines, link checkers and monitoring would take a mistyped address for a page. Runs after
 * Spring Security: a signed-out visitor is still sent to the login page.
 */
@Component
public class UnknownAddressStatus extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = path(request);
        return !"GET".equals(request.getMethod()) || request.getDispatcherType() != DispatcherType.REQUEST
                || request.getQueryString() != null && request.getQueryString().contains("v-r=")
                || path.contains(".") || path.startsWith("VAADIN/") || path.startsWith("api/") || path.startsWith("actuator/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var routes = ApplicationRouteRegistry.getInstance(new VaadinServletContext(request.getServletContext()));
        if (!routes.getNavigationRouteTarget(path(request)).hasTarget()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        }
        chain.doFilter(request, response);
    }

    private static String path(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        while (path.startsWith("/")) {
            path = path.substring(1);
        }
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
