package dev.steward.reviews.ldap;

/**
 * The outcome of trying the settings: connected and bound, how many groups the import would read; or the one thing
 * that failed (host unreachable, bad credentials, base DN not found, timeout), in words an administrator can act on.
 */
public record ConnectionTest(boolean connected, String message) {
}
