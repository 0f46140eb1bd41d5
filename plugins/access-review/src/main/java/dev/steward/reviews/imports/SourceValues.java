package dev.steward.reviews.imports;

import dev.steward.platform.export.MissingValues;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How source systems write what they do not know, and the words they use for an account's status. A missing value
 * is "unknown", never an error: an AWS report's {@code N/A} or {@code no_information}, an Okta report's empty or
 * {@code Never} last login. An unknown last login is not dormant.
 */
final class SourceValues {

    /** The common words, and those of access exports: AWS's {@code no_information} and {@code not_supported}, "never". */
    private static final MissingValues UNKNOWN = MissingValues.COMMON.and("never", "no_information", "not_supported", "unknown");

    /** The words of the exports read together ({@link ExportBundle}): also Google Workspace's "Never logged in". */
    private static final MissingValues UNKNOWN_IN_EXPORTS = UNKNOWN.and("never logged in");

    /**
     * Words for an account that cannot sign in (Okta SUSPENDED and DEPROVISIONED, Entra accountEnabled False, Google
     * Workspace Suspended and Archived, ...).
     */
    private static final Set<String> DISABLED = Set.of("disabled", "inactive", "suspended", "deprovisioned", "deactivated",
            "locked", "blocked", "terminated", "archived", "false", "no", "0");

    /**
     * Words for an account that can sign in or is on its way to (Okta's STAGED, PROVISIONED, RECOVERY, PASSWORD_EXPIRED
     * and LOCKED_OUT accounts are still assigned; a lock-out ends by itself).
     */
    private static final Set<String> ENABLED = Set.of("active", "enabled", "true", "yes", "1", "staged", "provisioned",
            "recovery", "password_expired", "password_reset", "locked_out");

    /** The status words Steward knows, for the message about an unknown one. */
    static final List<String> STATUS_WORDS = List.of("active", "enabled", "true", "staged", "provisioned", "recovery",
            "password_expired", "locked_out", "disabled", "inactive", "suspended", "archived", "deprovisioned", "deactivated", "false");

    private SourceValues() {
    }

    static boolean unknown(String value) {
        return UNKNOWN.missing(value);
    }

    /** As {@link #unknown}, with the words of the exports of several files (kept apart: the one-file path reads millions). */
    static boolean unknownInExports(String value) {
        return UNKNOWN_IN_EXPORTS.missing(value);
    }

    /** True when the word means disabled, false when enabled, null when Steward does not know the word. */
    static Boolean disabled(String status) {
        String word = status.strip().toLowerCase(Locale.ROOT).replace(' ', '_');
        if (DISABLED.contains(word)) {
            return true;
        }
        return ENABLED.contains(word) ? false : null;
    }
}
