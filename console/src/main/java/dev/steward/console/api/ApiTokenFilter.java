package dev.steward.console.api;

import dev.steward.platform.security.ApiToken;
import dev.steward.platform.security.ApiTokenService;
import dev.steward.platform.security.SignInAudit;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * {@code Authorization: Bearer stw_...}: an API token becomes a principal named {@code api:<token name>} holding
 * exactly the token's permissions. A wrong, revoked or expired token is refused with 401 and counted in the audit log
 * (the first per token and source in a window at once, the rest as one summary: a flood cannot fill the log).
 */
class ApiTokenFilter extends OncePerRequestFilter {

    private final ApiTokenService tokens;
    private final SignInAudit audit;

    ApiTokenFilter(ApiTokenService tokens, SignInAudit audit) {
        this.tokens = tokens;
        this.audit = audit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            chain.doFilter(request, response);
            return;
        }
        String secret = header.substring(7).strip();
        Optional<ApiToken> token = tokens.authenticate(secret);
        if (token.isEmpty()) {
            audit.count(SignInAudit.Kind.API_TOKEN_REFUSED, tokens.nameOfInactive(secret).orElse(SignInAudit.UNKNOWN_TOKEN),
                    request.getRemoteAddr(), Map.of("method", request.getMethod(), "path", request.getRequestURI()));
            MachineClients.writeJson(response, HttpServletResponse.SC_UNAUTHORIZED, "Unknown, revoked or expired API token");
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
