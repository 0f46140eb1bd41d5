package dev.steward.platform.security;

import java.time.Instant;
import java.util.Set;

/** A console user as the admin pages show it (never with the password hash). */
public record UserAccount(long id, String username, String displayName, String email, Set<Role> roles, boolean active,
                          boolean mustChangePassword, Instant lastLoginAt, int version) {
}
