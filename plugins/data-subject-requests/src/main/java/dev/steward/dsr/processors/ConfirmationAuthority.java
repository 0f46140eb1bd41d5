package dev.steward.dsr.processors;

import dev.steward.dsr.DsrPermissions;
import dev.steward.platform.audit.AuditOrigin;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.List;
import java.util.function.Supplier;

/**
 * The authentication a processor's answer is recorded under: the principal {@code processor:confirmation-page} holding
 * {@link DsrPermissions#WORK} for that one call, made only after the one-time token was found valid (the anonymous
 * visitor holds no permission). What it writes is audited under that name and the client's address.
 */
final class ConfirmationAuthority {

    static final String PAGE = "processor:confirmation-page";

    private ConfirmationAuthority() {
    }

    static <T> T asConfirmationPage(String clientAddress, Supplier<T> work) {
        var previous = SecurityContextHolder.getContext();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(PAGE, null,
                List.of(new SimpleGrantedAuthority(DsrPermissions.WORK))));
        SecurityContextHolder.setContext(context);
        try {
            return AuditOrigin.runAs(new AuditOrigin(PAGE, clientAddress, null), work);
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
