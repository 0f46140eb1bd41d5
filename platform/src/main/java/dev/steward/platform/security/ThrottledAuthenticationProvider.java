package dev.steward.platform.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Puts the sign-in throttle and its audit around a password check, for the console's form login and the API's
 * HTTP Basic alike: a throttled attempt is refused before the password is looked at; a failure is counted; a
 * success makes the source known for the account.
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

    enum Channel { CONSOLE, API }

    private final AuthenticationProvider passwordCheck;
    private final SignInThrottle throttle;
    private final SignInAudit audit;
    private final Channel channel;

    ThrottledAuthenticationProvider(AuthenticationProvider passwordCheck, SignInThrottle throttle, SignInAudit audit, Channel channel) {
        this.passwordCheck = passwordCheck;
        this.throttle = throttle;
        this.audit = audit;
        this.channel = channel;
    }

    @Override
    public Authentication authenticate(Authentication attempt) throws AuthenticationException {
        String username = attempt.getName();
        String source = SignInSource.of(attempt);
        Optional<Duration> wait = throttle.refusedFor(username, source);
        if (wait.isPresent()) {
            audit.count(SignInAudit.Kind.SIGN_IN_THROTTLED, subject(username), source, null);
            throw new SignInThrottledException(wait.get());
        }
        Authentication result;
        try {
            result = passwordCheck.authenticate(attempt);
        } catch (CredentialsExpiredException oneTimePassword) {
            // the password was right (expiry is checked after it), so this is no failure to throttle
            throttle.succeeded(username, source);
            audit.count(SignInAudit.Kind.ONE_TIME_PASSWORD_ON_API, username, source,
                    Map.of("outcome", "one-time password refused on the API"));
            throw oneTimePassword;
        } catch (SecondFactorRequiredException passwordNotEnough) {
            // the password was right, but HTTP Basic cannot carry the second factor: neither a failure nor a success
            audit.count(SignInAudit.Kind.PASSWORD_ON_API_WITH_MFA, username, source,
                    Map.of("outcome", "password refused on the API: the account uses two-factor authentication"));
            throw passwordNotEnough;
        } catch (InternalAuthenticationServiceException broken) {
            throw broken; // the database failed, not the caller: nothing to count against them
        } catch (AuthenticationException failure) {
            throttle.failed(username, source);
            audit.count(SignInAudit.Kind.SIGN_IN_FAILED, subject(username), source,
                    Map.of("outcome", failure.getClass().getSimpleName(), "channel", channel.name().toLowerCase()));
            throw failure;
        }
        if (SecondFactor.codePending(result)) {
            // not yet a success: the streak goes on and the source stays unknown until the code is right, so
            // signing in with the password again cannot reset the count of wrong codes
            audit.signedIn(username, "password accepted: the second factor is still required");
            return result;
        }
        throttle.succeeded(username, source);
        if (channel == Channel.CONSOLE) {
            audit.signedIn(username, SignInAuthentication.mustChangePassword(result));
        } else {
            audit.count(SignInAudit.Kind.API_SIGN_IN, username, source, Map.of("channel", "api"));
        }
        return result;
    }

    /** The name tried if it is an account; otherwise a placeholder (a mistyped password in the name field stays out). */
    private String subject(String username) {
        return throttle.isAccount(username) ? username : SignInAudit.UNKNOWN_ACCOUNT;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
