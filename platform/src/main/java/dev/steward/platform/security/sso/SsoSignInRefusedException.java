package dev.steward.platform.security.sso;

import org.springframework.security.core.AuthenticationException;

/** A single sign-on the provider accepted and Steward refuses; the message is for the user on the sign-in page. */
public class SsoSignInRefusedException extends AuthenticationException {

    /** Why, as the audit log records it. */
    public enum Reason { NO_MAPPED_ROLE, DEACTIVATED, NAME_TAKEN, NOT_PROVISIONED, UNUSABLE_NAME }

    private final Reason reason;

    public SsoSignInRefusedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
