package dev.steward.platform.security.mfa;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.OptionalLong;

/**
 * Time-based one-time passwords (RFC 6238) as authenticator apps make them: HMAC-SHA1, 6 digits, 30-second steps.
 * A code is accepted for the step before and after the current one (clocks drift), and never for a step at or
 * before the last one the user has used, so a code seen over someone's shoulder cannot be used again.
 */
public final class Totp {

    static final int DIGITS = 6;
    static final long STEP_SECONDS = 30;
    static final int WINDOW = 1;

    private Totp() {
    }

    /** The time step a moment falls in (Unix time divided by 30 s). */
    public static long stepAt(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), STEP_SECONDS);
    }

    /** The 6-digit code of a step. */
    public static String code(byte[] key, long step) {
        return code(key, step, "HmacSHA1", DIGITS);
    }

    /** RFC 6238's algorithm: HOTP (RFC 4226) over the step number, with the given HMAC and number of digits. */
    static String code(byte[] key, long step, String hmac, int digits) {
        try {
            Mac mac = Mac.getInstance(hmac);
            mac.init(new SecretKeySpec(key, hmac));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int offset = hash[hash.length - 1] & 0x0f;
            int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                    | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
            int otp = binary % (int) Math.pow(10, digits);
            return String.format("%0" + digits + "d", otp);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(hmac + " is not available", e);
        }
    }

    /**
     * The step, within one step of {@code currentStep} and after {@code lastUsedStep}, whose code this is; empty if
     * there is none. Compares in constant time.
     */
    public static OptionalLong matchingStep(byte[] key, String code, long currentStep, long lastUsedStep) {
        if (code == null || !code.matches("\\d{" + DIGITS + "}")) {
            return OptionalLong.empty();
        }
        byte[] given = code.getBytes(StandardCharsets.US_ASCII);
        for (long step = currentStep - WINDOW; step <= currentStep + WINDOW; step++) {
            if (step > lastUsedStep && MessageDigest.isEqual(given, code(key, step).getBytes(StandardCharsets.US_ASCII))) {
                return OptionalLong.of(step);
            }
        }
        return OptionalLong.empty();
    }
}
