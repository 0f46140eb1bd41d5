package dev.steward.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

/** What a password must be, and how the platform makes one-time passwords. */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    /** bcrypt reads 72 bytes; a longer password is refused here, never cut short where it is hashed. */
    public static final int MAX_BYTES = 72;
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordPolicy() {
    }

    /** Throws {@link IllegalArgumentException} with a message fit for the user when the password is not acceptable. */
    public static void check(String username, String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            throw new IllegalArgumentException("The password must have at least " + MIN_LENGTH + " characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new IllegalArgumentException("The password is too long: at most " + MAX_BYTES
                    + " bytes (72 plain letters or digits, fewer with accents or symbols)");
        }
        if (password.equalsIgnoreCase(username)) {
            throw new IllegalArgumentException("The password must not be the user name");
        }
        if (password.chars().distinct().count() < 5) {
            throw new IllegalArgumentException("The password must use at least 5 different characters");
        }
    }

    public static String generate() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
