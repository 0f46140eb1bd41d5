package dev.steward.dsr.intake;

import dev.steward.dsr.DsrPermissions;
import dev.steward.platform.audit.AuditOrigin;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.List;
import java.util.function.Supplier;

/**
 * The authentication a confirmed public submission is opened under: the principal {@code intake:public-page} holding
 * {@link DsrPermissions#WORK} and nothing else, for that one call (the anonymous visitor holds no permission at all).
 * What it writes is audited under that name.
 */
final class IntakeAuthority {

    static final String PUBLIC_PAGE = "intake:public-page";

    private IntakeAuthority() {
    }

    static <T> T asPublicPage(String clientAddress, Supplier<T> work) {
        var previous = SecurityContextHolder.getContext();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(PUBLIC_PAGE, null,
                List.of(new SimpleGrantedAuthority(DsrPermissions.WORK))));
        SecurityContextHolder.setContext(context);
        try {
            return AuditOrigin.runAs(new AuditOrigin(PUBLIC_PAGE, clientAddress, null), work);
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
