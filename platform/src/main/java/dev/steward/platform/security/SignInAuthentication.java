package dev.steward.platform.security;

import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The two ways to sign in with a password, both throttled and audited alike. A one-time password (one the user must
 * still change) counts as expired: the API refuses it; the console lets its holder in with no role and no permission
 * but {@link #PASSWORD_CHANGE_REQUIRED}, enough for the change-password page and nothing else, and gives the full
 * authorities once the password is changed ({@link #afterPasswordChange}).
 */
@Component
public class SignInAuthentication {

    /** The only authority of a console session signed in with a one-time password. */
    public static final String PASSWORD_CHANGE_REQUIRED = "PASSWORD_CHANGE_REQUIRED";

    private final StewardUserDetailsService users;
    private final AuthenticationManager console;
    private final AuthenticationManager api;

    public SignInAuthentication(StewardUserDetailsService users, PasswordEncoder encoder, SignInThrottle throttle, SignInAudit audit) {
        this.users = users;
        DaoAuthenticationProvider consoleCheck = new OneTimePasswordChangesOnly(users);
        consoleCheck.setPasswordEncoder(encoder);
        DaoAuthenticationProvider apiCheck = new DaoAuthenticationProvider(users); // refuses expired credentials
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
        var full = UsernamePasswordAuthenticationToken.authenticated(User.withUserDetails(user).password("").build(), null,
                user.getAuthorities());
        full.setDetails(current.getDetails());
        return full;
    }

    public static boolean mustChangePassword(Authentication authentication) {
        return authentication != null && authentication.getAuthorities().stream()
                .anyMatch(a -> PASSWORD_CHANGE_REQUIRED.equals(a.getAuthority()));
    }

    /** Lets a correct one-time password through, with nothing but the right to change it. */
    private static final class OneTimePasswordChangesOnly extends DaoAuthenticationProvider {

        OneTimePasswordChangesOnly(StewardUserDetailsService users) {
            super(users);
            setPostAuthenticationChecks(user -> {
                // expired credentials are handled below instead of refused
            });
        }

        @Override
        protected Authentication createSuccessAuthentication(Object principal, Authentication authentication, UserDetails user) {
            if (user.isCredentialsNonExpired()) {
                return super.createSuccessAuthentication(principal, authentication, user);
            }
            UserDetails limited = User.withUsername(user.getUsername()).password("").authorities(PASSWORD_CHANGE_REQUIRED).build();
            var result = UsernamePasswordAuthenticationToken.authenticated(limited, null, limited.getAuthorities());
            result.setDetails(authentication.getDetails());
            return result;
        }
    }
}
