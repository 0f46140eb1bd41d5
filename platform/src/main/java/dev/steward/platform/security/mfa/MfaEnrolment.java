package dev.steward.platform.security.mfa;

/**
 * What an authenticator app needs, shown while setting up: the base32 secret (to type in, grouped in fours) and the
 * {@code otpauth://} URI (to scan).
 */
public record MfaEnrolment(String username, String secret, String uri) {

    /** The secret in groups of four characters, as people type it. */
    public String groupedSecret() {
        return secret.replaceAll("(.{4})(?!$)", "$1 ");
    }

    @Override
    public String toString() {
        return "MfaEnrolment[" + username + "]"; // never the secret in a log
    }
}
