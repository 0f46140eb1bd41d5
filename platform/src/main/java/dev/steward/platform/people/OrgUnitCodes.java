package dev.steward.platform.people;

import java.text.Normalizer;
import java.util.Locale;

/** Org unit codes made from department names: "Customer Success" becomes customer-success, "Forschung & Entwicklung" forschung-entwicklung. */
final class OrgUnitCodes {

    static final int MAX = 50;

    private OrgUnitCodes() {
    }

    /** A valid code (letters, digits and hyphens, 50 at most), or empty when the name has no letters or digits. */
    static String fromName(String name) {
        String plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .replace("ß", "ss").toLowerCase(Locale.ROOT);
        String code = plain.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (code.length() > MAX) {
            code = code.substring(0, MAX).replaceAll("-+$", "");
        }
        return code;
    }
}
