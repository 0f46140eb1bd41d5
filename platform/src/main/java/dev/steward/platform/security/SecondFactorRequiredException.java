package dev.steward.platform.security;

import org.springframework.security.core.AuthenticationException;

/**
 * The password was right, but the account signs in with a second factor (or must set one up), which HTTP Basic
 * cannot carry: such users call the API with an API token.
 */
public class SecondFactorRequiredException extends AuthenticationException {

    public static final String MESSAGE = "This account uses two-factor authentication: HTTP Basic with a password is refused, "
            + "call the API with an API token (Authorization: Bearer)";

    public SecondFactorRequiredException() {
        super(MESSAGE);
    }
}
