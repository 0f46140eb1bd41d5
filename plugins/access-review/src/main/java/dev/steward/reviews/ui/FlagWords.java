package dev.steward.reviews.ui;

import dev.steward.reviews.decisions.ReviewItem;

import java.util.Locale;
import java.util.Map;

/** An item's flags in words, the same in My reviews and a campaign's items: "orphan account, SoD conflict". */
final class FlagWords {

    private static final Map<String, String> WORDS = Map.of("ORPHAN", "orphan account", "TERMINATED", "person left",
            "DORMANT", "dormant", "PRIVILEGED", "privileged", "SOD", "SoD conflict", "OUTLIER", "peer outlier",
            "DISABLED", "account disabled");

    private FlagWords() {
    }

    /** The flags in words, led by {@code escalatedWords} for an item nobody decided in time. */
    static String of(ReviewItem item, String escalatedWords) {
        String flags = String.join(", ", item.flags().stream().map(FlagWords::word).toList());
        return item.escalated() ? escalatedWords + (flags.isEmpty() ? "" : ", " + flags) : flags;
    }

    static String word(String flag) {
        return WORDS.getOrDefault(flag, flag.toLowerCase(Locale.ROOT).replace('_', ' '));
    }
}
