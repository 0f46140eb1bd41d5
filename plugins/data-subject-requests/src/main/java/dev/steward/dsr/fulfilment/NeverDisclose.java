package dev.steward.dsr.fulfilment;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the policy says is never disclosed in answer to a request: "a consumer's social security number, driver's
 * license number, or other government-issued identification number, financial account number, any health
 * information or medical identification number, an account password, or security questions and answers". Matched by
 * field name (any holder's wording) and by catalogue category.
 */
final class NeverDisclose {

    record Rule(String what, Pattern field) {
    }

    /** Catalogue categories that are never disclosed whole: credentials (passwords, security questions) and health. */
    static final Set<String> CATEGORIES = Set.of("credentials", "health");

    static final List<Rule> RULES = List.of(
            rule("a social security number", "social ?security|\\bssn\\b|\\bsocial ?sec\\b|\\bsin\\b|national ?insurance|\\bnino\\b"),
            rule("a driver's licence number", "driv\\w* ?licen[cs]e|\\bdl ?(no|num|number)\\b|\\blicen[cs]e ?(no|num|number)\\b"),
            rule("a government-issued identification number", "passport|national ?id|government ?id|\\bgov ?id\\b|tax ?id|\\btin\\b|\\bitin\\b|identity ?card|\\bid ?card\\b|state ?id"),
            rule("a financial account number", "account ?(no|num|number)|bank ?account|\\biban\\b|card ?(no|num|number)|credit ?card|debit ?card|\\bpan\\b|routing ?(no|num|number)|sort ?code|\\bbic\\b|\\bswift\\b|\\bcvv\\b|\\bcvc\\b"),
            rule("health information or a medical identification number", "health|medical|diagnos|patient|\\bmrn\\b|prescription|insurance ?member|\\bnhs ?(no|num|number)\\b|disabilit"),
            rule("an account password", "pass ?word|passwd|\\bpwd\\b|pass ?phrase|\\bpin\\b|password ?hash|\\bsecret\\b|api ?key|access ?token|\\btotp\\b|recovery ?code"),
            rule("a security question or answer", "security ?question|security ?answer|secret ?question|secret ?answer|challenge ?(question|answer)|memorable ?(word|answer)"));

    private NeverDisclose() {
    }

    private static Rule rule(String what, String pattern) {
        return new Rule(what, Pattern.compile(pattern));
    }

    /** What the field is when the policy forbids disclosing it ("an account password"), by its name. */
    static Optional<String> field(String name) {
        String words = normal(name);
        return RULES.stream().filter(r -> r.field().matcher(words).find()).map(Rule::what).findFirst();
    }

    /** Splits camelCase and snake_case, lower-cases and drops accents: "driverLicenseNo" becomes "driver license no". */
    static String normal(String name) {
        String spaced = name == null ? "" : name.replaceAll("([a-z])([A-Z])", "$1 $2").replaceAll("[_\\-.:/]+", " ");
        return Normalizer.normalize(spaced, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT)
                .replace("'", "").replaceAll("\\s+", " ").strip();
    }
}
