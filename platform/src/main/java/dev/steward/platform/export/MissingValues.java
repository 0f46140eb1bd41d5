package dev.steward.platform.export;

import java.util.Arrays;
import java.util.stream.Stream;

/**
 * The words an exported file writes for "nothing here" ({@code N/A}, {@code -}, {@code null}, ...), which an import
 * reads as a missing value rather than as text or an error. Each source adds its own ({@link #and}). Tested on every
 * optional cell of million-row files: compared in place, ignoring case, without copying the value.
 */
public final class MissingValues {

    /** What any spreadsheet or export may write; a value with surrounding blanks is compared as written. */
    public static final MissingValues COMMON = new MissingValues(new String[]{"n/a", "na", "-", "--", "null", "none"});

    private final String[] words;
    private final int longest;

    private MissingValues(String[] words) {
        this.words = words;
        this.longest = Arrays.stream(words).mapToInt(String::length).max().orElse(0);
    }

    /** These words and {@code more} (lower case). */
    public MissingValues and(String... more) {
        return new MissingValues(Stream.concat(Arrays.stream(words), Arrays.stream(more)).toArray(String[]::new));
    }

    /** Whether the value is missing: null, blank, or one of the words in any case. */
    public boolean missing(String value) {
        if (value == null || value.isBlank()) {
            return true;
        }
        if (value.length() > longest) {
            return false;
        }
        for (String word : words) {
            if (word.equalsIgnoreCase(value)) {
                return true;
            }
        }
        return false;
    }
}
