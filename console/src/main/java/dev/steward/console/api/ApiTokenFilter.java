package dev.steward.console.api;

import dev.steward.platform.audit.AuditEvent;
import dev.steward.platform.audit.AuditTrail;
import dev.steward.platform.security.ApiToken;
import dev.steward.platform.security.ApiTokenService;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * {@code Authorization: Bearer stw_...}: an API token becomes a principal named {@code api:<token name>} holding
 * exactly the token's permissions. A wrong, revoked or expired token is refused with 401 and written to the audit log.
 */
class ApiTokenFilter extends OncePerRequestFilter {

    private final ApiTokenService tokens;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;

    ApiTokenFilter(ApiTokenService tokens, AuditTrail audit, TransactionTemplate transaction) {
        this.tokens = tokens;
        this.audit = audit;
        this.transaction = transaction;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            chain.doFilter(request, response);
            return;
        }
        Optional<ApiToken> token = tokens.authenticate(header.substring(7).strip());
        if (token.isEmpty()) {
            transaction.executeWithoutResult(status -> audit.record(AuditEvent.of("platform", "api_token", null, "AUTH_FAILED")
                    .after(Map.of("method", request.getMethod(), "path", request.getRequestURI(), "client", request.getRemoteAddr()))
                    .actor("anonymous")));
            ApiSecurityConfiguration.writeJson(response, HttpServletResponse.SC_UNAUTHORIZED, "Unknown, revoked or expired API token");
            return;
        }
        ApiToken t = token.get();
        var authorities = t.permissions().stream().map(SimpleGrantedAuthority::new).toList();
        var authentication = UsernamePasswordAuthenticationToken.authenticated(t.principal(), null, authorities);
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
