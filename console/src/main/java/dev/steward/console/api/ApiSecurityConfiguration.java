package dev.steward.console.api;

import dev.steward.platform.audit.AuditTrail;
import dev.steward.platform.security.ApiTokenService;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * {@code /api/**}: stateless; callers authenticate with an API token ({@code Authorization: Bearer}, see
 * {@link ApiTokenFilter}) or HTTP Basic against the same users. Every call but the OpenAPI description is
 * authenticated; what each call may do is checked by the services' method security. Runs before the Vaadin chain.
 */
@Configuration
@ConditionalOnWebApplication
class ApiSecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurityFilterChain(HttpSecurity http, ApiTokenService tokens, AuditTrail audit,
                                               PlatformTransactionManager transactions) throws Exception {
        return http.securityMatcher("/api/**")
                .authorizeHttpRequests(auth -> auth.requestMatchers("/api/openapi.json").permitAll().anyRequest().authenticated())
                .addFilterBefore(new ApiTokenFilter(tokens, audit, new TransactionTemplate(transactions)), BasicAuthenticationFilter.class)
                .httpBasic(basic -> basic.authenticationEntryPoint(basicEntryPoint()))
                .exceptionHandling(e -> e.authenticationEntryPoint(basicEntryPoint())
                        .accessDeniedHandler((request, response, denied) ->
                                writeJson(response, HttpServletResponse.SC_FORBIDDEN, "You lack the permission for this call")))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    /**
     * API clients get 401 with a Basic challenge and a JSON body. Written directly: {@code sendError} would dispatch
     * to {@code /error}, which the console's chain answers with a redirect to the login page.
     */
    private static AuthenticationEntryPoint basicEntryPoint() {
        return (request, response, exception) -> {
            response.setHeader("WWW-Authenticate", "Basic realm=\"Steward\", charset=\"UTF-8\"");
            writeJson(response, HttpServletResponse.SC_UNAUTHORIZED, "Authentication required (API token or HTTP Basic)");
        };
    }

    static void writeJson(HttpServletResponse response, int status, String error) throws java.io.IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.getWriter().write("{\"status\":" + status + ",\"error\":\"" + error.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");
    }
}
