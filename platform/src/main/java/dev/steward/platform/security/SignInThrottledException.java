package dev.steward.platform.security;

import org.springframework.security.core.AuthenticationException;

import java.time.Duration;

/** Refused before the password was checked: too many recent failures for this account or source. */
public class SignInThrottledException extends AuthenticationException {

    private final Duration retryAfter;

    public SignInThrottledException(Duration retryAfter) {
        super(message(retryAfter));
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** Says nothing about whether the account exists. */
    static String message(Duration wait) {
        long minutes = Math.max(1, (wait.toSeconds() + 59) / 60);
        return "Too many attempts, try again in " + minutes + (minutes == 1 ? " minute" : " minutes");
    }
}
