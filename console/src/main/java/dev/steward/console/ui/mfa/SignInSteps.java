package dev.steward.console.ui.mfa;

import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinSession;
import dev.steward.platform.security.SignInAuthentication;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

/** Moves a signed-in session on once its second factor has been verified or set up. */
final class SignInSteps {

    private SignInSteps() {
    }

    /**
     * The session gets what the sign-in's next step allows (everything, or the password change) and a new id: the
     * id an attacker may have learnt while the session held only a password is worthless now (session fixation).
     */
    static void secondFactorProven(SignInAuthentication signIn) {
        replace(signIn.afterSecondFactor(SecurityContextHolder.getContext().getAuthentication()));
        if (VaadinService.getCurrentRequest() instanceof VaadinServletRequest request) {
            request.getHttpServletRequest().changeSessionId();
        }
    }

    /** A session told to set up two-factor authentication that was set up meanwhile (elsewhere) must now give a code. */
    static void reconsider(SignInAuthentication signIn) {
        replace(signIn.reconsider(SecurityContextHolder.getContext().getAuthentication()));
    }

    private static void replace(Authentication authentication) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        VaadinSession.getCurrent().getSession().setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
    }
}
