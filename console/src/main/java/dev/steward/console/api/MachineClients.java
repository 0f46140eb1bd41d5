package dev.steward.console.api;

import dev.steward.platform.db.DatabaseUnavailable;
import dev.steward.platform.security.ApiTokenService;
import dev.steward.platform.security.SecondFactorRequiredException;
import dev.steward.platform.security.SignInAudit;
import dev.steward.platform.security.SignInAuthentication;
import dev.steward.platform.security.SignInThrottledException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.HeaderWriterFilter;

import java.io.IOException;

/**
 * The one way machine clients (the REST API, the Prometheus scrape) are let in: stateless, an API token
 * ({@code Authorization: Bearer}, see {@link ApiTokenFilter}) or HTTP Basic against the same users, throttled as the
 * console's sign-in is and refusing one-time passwords ({@link SignInAuthentication#forApi()}), answers in JSON.
 */
public final class MachineClients {

    static final String DATABASE_UNAVAILABLE = "The database is unavailable; try again shortly";
    /** As long as a call waits for a connection before it gives up: by then a database restart is usually over. */
    static final int RETRY_AFTER_SECONDS = 30;

    private MachineClients() {
    }

    public static SecurityFilterChain chain(HttpSecurity http, String pathPattern,
                                            Customizer<AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry> rules,
                                            ApiTokenService tokens, SignInAudit audit, SignInAuthentication signIn) throws Exception {
        return http.securityMatcher(pathPattern)
                .authenticationManager(signIn.forApi())
                .authorizeHttpRequests(rules)
                .addFilterAfter(new DatabaseOutageResponses(), HeaderWriterFilter.class)
                .addFilterBefore(new ApiTokenFilter(tokens, audit), BasicAuthenticationFilter.class)
                .httpBasic(basic -> basic.authenticationEntryPoint(basicEntryPoint()))
                .exceptionHandling(e -> e.authenticationEntryPoint(basicEntryPoint())
                        .accessDeniedHandler((request, response, denied) ->
                                writeJson(response, HttpServletResponse.SC_FORBIDDEN, "You lack the permission for this call")))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'")))
                .build();
    }

    /**
     * 401 with a Basic challenge and a JSON body (429 while the sign-in is throttled). Written directly:
     * {@code sendError} would dispatch to {@code /error}, which the console's chain answers with a redirect to the login page.
     */
    private static AuthenticationEntryPoint basicEntryPoint() {
        return (request, response, exception) -> {
            if (DatabaseUnavailable.causedBy(exception)) { // wrapped by Spring Security in an InternalAuthenticationServiceException
                writeDatabaseUnavailable(response);
                return;
            }
            if (exception instanceof SignInThrottledException throttled) {
                response.setHeader("Retry-After", String.valueOf(Math.max(1, throttled.retryAfter().toSeconds())));
                writeJson(response, 429, throttled.getMessage());
                return;
            }
            response.setHeader("WWW-Authenticate", "Basic realm=\"Steward\", charset=\"UTF-8\"");
            writeJson(response, HttpServletResponse.SC_UNAUTHORIZED, exception instanceof SecondFactorRequiredException
                    ? exception.getMessage() : exception instanceof CredentialsExpiredException
                    ? "The password must be changed in the console first: sign in there with this one-time password"
                    : "Authentication required (API token or HTTP Basic)");
        };
    }

    /** 503 with an RFC 9457 problem body (and the {@code error} member every other answer of the API has). */
    static void writeDatabaseUnavailable(HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
        response.setContentType("application/problem+json");
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Service Unavailable\",\"status\":503,\"detail\":\""
                + DATABASE_UNAVAILABLE + "\",\"error\":\"" + DATABASE_UNAVAILABLE + "\"}");
    }

    static void writeJson(HttpServletResponse response, int status, String error) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.getWriter().write("{\"status\":" + status + ",\"error\":\"" + error.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");
    }
}
