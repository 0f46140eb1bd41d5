package dev.steward.dsr.processors;

import dev.steward.platform.Sha256;

import java.security.SecureRandom;
import java.util.Base64;

/** The one-time tokens of confirmation links: 256 random bits, URL-safe; only the hash is ever stored. */
final class InstructionTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private InstructionTokens() {
    }

    static String fresh() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The stored form; null for what cannot be a token (so that garbage never reaches the database). */
    static String hash(String token) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{43}")) {
            return null;
        }
        return Sha256.hex("processor-confirmation:" + token);
    }
}
