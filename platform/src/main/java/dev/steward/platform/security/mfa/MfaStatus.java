package dev.steward.platform.security.mfa;

import java.time.Instant;
import dev.steward.platform.security.Role;

import java.util.Optional;

/**
 * A user's two-factor authentication: on or off, the role that requires it (if any: then it cannot be turned off),
 * and how many recovery codes are left unused.
 */
public record MfaStatus(boolean enrolled, Instant enrolledAt, Optional<Role> requiredBy, int recoveryCodesLeft,
                        boolean managedByIdentityProvider) {
}
