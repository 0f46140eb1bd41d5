package dev.steward.vendors;

import dev.steward.platform.validation.InvalidInputException;

import java.util.Collection;
import java.util.Locale;
import java.util.Set;

/** ISO 3166-1 alpha-2 country codes, as the JDK knows them. */
public final class Countries {

    private static final Set<String> CODES = Set.of(Locale.getISOCountries());

    private Countries() {
    }

    public static boolean isCode(String code) {
        return code != null && CODES.contains(code);
    }

    /** The upper-cased code, or an error naming the field and the value. */
    public static String require(String field, String code) {
        String normalised = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
        if (!isCode(normalised)) {
            throw new InvalidInputException(field, "'" + code + "' is not an ISO 3166 country code (two letters, e.g. DE, US)");
        }
        return normalised;
    }

    public static String[] requireAll(String field, Collection<String> codes) {
        return codes == null ? new String[0] : codes.stream().map(c -> require(field, c)).distinct().sorted().toArray(String[]::new);
    }

    public static String name(String code) {
        return isCode(code) ? Locale.of("", code).getDisplayCountry(Locale.ENGLISH) : code;
    }
}
