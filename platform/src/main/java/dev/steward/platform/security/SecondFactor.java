package dev.steward.platform.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

import java.util.Collection;

/**
 * The second sign-in factor (a TOTP code, implemented in {@code security.mfa}), as the password sign-in asks about
 * it. A console session whose password was right but whose second factor is still owed holds only
 * {@link #CODE_REQUIRED}; one whose roles require two-factor authentication not yet set up holds only
 * {@link #ENROLMENT_REQUIRED}. The factors proven so far are kept as Spring Security's factor authorities
 * ({@code FACTOR_PASSWORD}, {@link #FACTOR_TOTP}).
 */
public interface SecondFactor {

    /** The only authority of a console session that still owes its second factor. */
    String CODE_REQUIRED = "MFA_CODE_REQUIRED";
    /** The only authority of a console session that must set up two-factor authentication before anything else. */
    String ENROLMENT_REQUIRED = "MFA_ENROLMENT_REQUIRED";
    /** The factor authority of a verified TOTP or recovery code (as {@code FactorGrantedAuthority.fromFactor("TOTP")}). */
    String FACTOR_TOTP = "FACTOR_TOTP";

    /** Whether the user has set up two-factor authentication, so a password alone does not sign them in. */
    boolean isEnrolled(String username);

    /** Whether a user with these authorities (roles) must set it up before anything else and has not. */
    boolean mustEnrol(String username, Collection<? extends GrantedAuthority> authorities);

    static boolean codePending(Authentication authentication) {
        return holds(authentication, CODE_REQUIRED);
    }

    static boolean enrolmentPending(Authentication authentication) {
        return holds(authentication, ENROLMENT_REQUIRED);
    }

    private static boolean holds(Authentication authentication, String authority) {
        return authentication != null && authentication.getAuthorities().stream().anyMatch(a -> authority.equals(a.getAuthority()));
    }
}
