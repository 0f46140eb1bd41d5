package dev.steward.platform.security;

import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The two ways to sign in with a password, both throttled and audited alike. A one-time password (one the user must
 * still change) counts as expired: the API refuses it; the console lets its holder in with no role and no permission
 * but {@link #PASSWORD_CHANGE_REQUIRED}, enough for the change-password page and nothing else, and gives the full
 * authorities once the password is changed ({@link #afterPasswordChange}).
 * <p>
 * Two-factor authentication ({@link SecondFactor}) works the same way: a user who has set it up holds only
 * {@link SecondFactor#CODE_REQUIRED} after the password until the code is verified ({@link #afterSecondFactor}); a
 * user whose role requires it and who has not set it up holds only {@link SecondFactor#ENROLMENT_REQUIRED}. The
 * order is: second factor, then password change, then setting up two-factor authentication. The factors proven
 * are kept in the authentication as Spring Security's {@link FactorGrantedAuthority}s. The API refuses a password
 * for users with two-factor authentication ({@link SecondFactorRequiredException}).
 */
@Component
public class SignInAuthentication {

    /** The only authority of a console session signed in with a one-time password. */
    public static final String PASSWORD_CHANGE_REQUIRED = "PASSWORD_CHANGE_REQUIRED";

    private final StewardUserDetailsService users;
    private final SecondFactor secondFactor;
    private final AuthenticationManager console;
    private final AuthenticationManager api;

    public SignInAuthentication(StewardUserDetailsService users, PasswordEncoder encoder, SignInThrottle throttle, SignInAudit audit,
                                SecondFactor secondFactor) {
        this.users = users;
        this.secondFactor = secondFactor;
        DaoAuthenticationProvider consoleCheck = new OneTimePasswordChangesOnly(users, this);
        consoleCheck.setPasswordEncoder(encoder);
        DaoAuthenticationProvider apiCheck = new DaoAuthenticationProvider(users); // refuses expired credentials
        apiCheck.setPostAuthenticationChecks(user -> {
            if (!user.isCredentialsNonExpired()) {
                throw new CredentialsExpiredException("User credentials have expired");
            }
            if (secondFactor.isEnrolled(user.getUsername()) || secondFactor.mustEnrol(user.getUsername(), user.getAuthorities())) {
                throw new SecondFactorRequiredException();
            }
        });
        apiCheck.setPasswordEncoder(encoder);
        this.console = new ProviderManager(new ThrottledAuthenticationProvider(consoleCheck, throttle, audit,
                ThrottledAuthenticationProvider.Channel.CONSOLE));
        this.api = new ProviderManager(new ThrottledAuthenticationProvider(apiCheck, throttle, audit,
                ThrottledAuthenticationProvider.Channel.API));
    }

    /** Form login on the console. */
    public AuthenticationManager forConsole() {
        return console;
    }

    /** HTTP Basic on {@code /api}. */
    public AuthenticationManager forApi() {
        return api;
    }

    /** The user's full authentication, once their one-time password has been replaced; keeps the sign-in's details. */
    public Authentication afterPasswordChange(Authentication current) {
        UserDetails user = users.loadUserByUsername(current.getName());
        if (!user.isCredentialsNonExpired() || !user.isEnabled()) {
            throw new CredentialsExpiredException("The password must still be changed");
        }
        return nextStep(user, factors(current), current.getDetails());
    }

    /**
     * The session's authentication once its second factor has been verified (or set up, confirmed by a code): the
     * next step's only authority, or the user's full authorities; keeps the sign-in's details.
     */
    public Authentication afterSecondFactor(Authentication current) {
        UserDetails user = users.loadUserByUsername(current.getName());
        if (!user.isEnabled()) {
            throw new CredentialsExpiredException("The account is deactivated");
        }
        List<GrantedAuthority> factors = new ArrayList<>(factors(current));
        factors.removeIf(f -> SecondFactor.FACTOR_TOTP.equals(f.getAuthority()));
        factors.add(FactorGrantedAuthority.fromAuthority(SecondFactor.FACTOR_TOTP));
        return nextStep(user, factors, current.getDetails());
    }

    /** The session's authentication worked out again from the factors it has proven (say its second factor was set up elsewhere). */
    public Authentication reconsider(Authentication current) {
        return nextStep(users.loadUserByUsername(current.getName()), factors(current), current.getDetails());
    }

    /** What a console sign-in proven by these factors gets: one pending step's authority, or everything. */
    private Authentication nextStep(UserDetails user, Collection<GrantedAuthority> factors, Object details) {
        boolean totpProven = factors.stream().anyMatch(f -> SecondFactor.FACTOR_TOTP.equals(f.getAuthority()));
        String pending = null;
        if (!totpProven && secondFactor.isEnrolled(user.getUsername())) {
            pending = SecondFactor.CODE_REQUIRED;
        } else if (!user.isCredentialsNonExpired()) {
            pending = PASSWORD_CHANGE_REQUIRED;
        } else if (secondFactor.mustEnrol(user.getUsername(), user.getAuthorities())) {
            pending = SecondFactor.ENROLMENT_REQUIRED;
        }
        List<GrantedAuthority> granted = new ArrayList<>(factors);
        if (pending == null) {
            granted.addAll(user.getAuthorities());
        } else {
            granted.add(new SimpleGrantedAuthority(pending));
        }
        UserDetails principal = User.withUsername(user.getUsername()).password("").authorities(granted).build();
        var result = UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
        result.setDetails(details);
        return result;
    }

    private static List<GrantedAuthority> factors(Authentication authentication) {
        return authentication.getAuthorities().stream().filter(FactorGrantedAuthority.class::isInstance)
                .map(GrantedAuthority.class::cast).toList();
    }

    public static boolean mustChangePassword(Authentication authentication) {
        return authentication != null && authentication.getAuthorities().stream()
                .anyMatch(a -> PASSWORD_CHANGE_REQUIRED.equals(a.getAuthority()));
    }

    /**
     * Lets a correct one-time password through, with nothing but the right to change it; a password of a user with
     * two-factor authentication, with nothing but the right to enter the code.
     */
    private static final class OneTimePasswordChangesOnly extends DaoAuthenticationProvider {

        private final SignInAuthentication steps;

        OneTimePasswordChangesOnly(StewardUserDetailsService users, SignInAuthentication steps) {
            super(users);
            this.steps = steps;
            setPostAuthenticationChecks(user -> {
                // expired credentials are handled below instead of refused
            });
        }

        @Override
        protected Authentication createSuccessAuthentication(Object principal, Authentication authentication, UserDetails user) {
            Authentication checked = super.createSuccessAuthentication(principal, authentication, user); // adds FACTOR_PASSWORD
            return steps.nextStep(user, factors(checked), authentication.getDetails());
        }
    }
}
