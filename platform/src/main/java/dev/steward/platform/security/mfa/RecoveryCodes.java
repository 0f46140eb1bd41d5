package dev.steward.platform.security.mfa;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Recovery codes: ten, each ten characters of Crockford's base32 (50 bits) shown as {@code xxxxx-xxxxx}. Typed
 * back, case, spaces and dashes do not matter, and the letters people confuse with digits count as those digits.
 */
final class RecoveryCodes {

    static final int COUNT = 10;
    private static final int LENGTH = 10;
    private static final String ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";
    private static final SecureRandom RANDOM = new SecureRandom();

    private RecoveryCodes() {
    }

    static List<String> generate() {
        List<String> codes = new ArrayList<>(COUNT);
        for (int i = 0; i < COUNT; i++) {
            StringBuilder code = new StringBuilder(LENGTH + 1);
            for (int c = 0; c < LENGTH; c++) {
                if (c == LENGTH / 2) {
                    code.append('-');
                }
                code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
            }
            codes.add(code.toString());
        }
        return codes;
    }

    /** The code as stored (hashed), or null if this cannot be a recovery code. */
    static String normalise(String typed) {
        if (typed == null) {
            return null;
        }
        String code = typed.toLowerCase(Locale.ROOT).replaceAll("[\\s-]", "")
                .replace('o', '0').replace('i', '1').replace('l', '1');
        if (code.length() != LENGTH) {
            return null;
        }
        for (char c : code.toCharArray()) {
            if (ALPHABET.indexOf(c) < 0) {
                return null;
            }
        }
        return code;
    }
}
