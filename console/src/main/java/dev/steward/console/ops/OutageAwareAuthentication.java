package dev.steward.console.ops;

import dev.steward.platform.db.DatabaseUnavailable;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.InternalAuthenticationServiceException;

/**
 * A sign-in that cannot reach the database fails as Spring Security's "internal" failure, whichever step found the
 * database gone (the throttle's look-up comes before the password check), so the form login keeps it as the reason
 * and the login page can say what happened instead of blaming the password.
 */
public final class OutageAwareAuthentication {

    private OutageAwareAuthentication() {
    }

    public static AuthenticationManager of(AuthenticationManager delegate) {
        return attempt -> {
            try {
                return delegate.authenticate(attempt);
            } catch (RuntimeException e) {
                if (!(e instanceof InternalAuthenticationServiceException) && DatabaseUnavailable.causedBy(e)) {
                    throw new InternalAuthenticationServiceException(DatabaseUnavailable.MESSAGE, e);
                }
                throw e;
            }
        };
    }
}
