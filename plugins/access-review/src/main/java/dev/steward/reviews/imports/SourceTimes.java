package dev.steward.reviews.imports;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The times multi-file exports write, besides ISO 8601 ({@link AccessCsv#instant}): Google Workspace's user download
 * writes {@code 2026/12/01 09:14:03}, GitHub's reports {@code 2026-12-01 09:14:03 UTC}. A time without a zone is read
 * as UTC (the Google Admin console's download does not name its zone: an assumption, off by at most a day).
 */
final class SourceTimes {

    private static final DateTimeFormatter SLASHED = DateTimeFormatter.ofPattern("uuuu/MM/dd HH:mm[:ss]");
    private static final DateTimeFormatter SPACED = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm[:ss]");

    private SourceTimes() {
    }

    /** The instant a source wrote, or null when the text is no time Steward knows. */
    static Instant parse(String text) {
        Instant iso = AccessCsv.instant(text);
        if (iso != null) {
            return iso;
        }
        String value = text.endsWith(" UTC") ? text.substring(0, text.length() - 4) : text;
        try {
            if (value.length() >= 16 && value.charAt(4) == '/') {
                return LocalDateTime.parse(value, SLASHED).toInstant(ZoneOffset.UTC);
            }
            if (value.length() >= 16 && value.charAt(4) == '-' && value.charAt(10) == ' ') {
                return LocalDateTime.parse(value, SPACED).toInstant(ZoneOffset.UTC);
            }
        } catch (DateTimeParseException e) {
            return null;
        }
        return null;
    }
}
