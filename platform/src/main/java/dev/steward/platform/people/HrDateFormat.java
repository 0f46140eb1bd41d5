package dev.steward.platform.people;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/**
 * How an HR export writes its dates. ISO dates (2024-03-31) are read in every format: they cannot be misread, and
 * many exports use them for some columns only.
 */
public enum HrDateFormat {
    ISO("YYYY-MM-DD", null),
    US("MM/DD/YYYY", "M/d/uuuu"),
    DAY_MONTH_DOTS("DD.MM.YYYY", "d.M.uuuu"),
    DAY_MONTH_SLASHES("DD/MM/YYYY", "d/M/uuuu");

    private final String label;
    private final DateTimeFormatter formatter;

    HrDateFormat(String label, String pattern) {
        this.label = label;
        this.formatter = pattern == null ? null : DateTimeFormatter.ofPattern(pattern).withResolverStyle(ResolverStyle.STRICT);
    }

    public String label() {
        return label;
    }

    /** The date, or null when the text is not a date in this format (nor ISO). */
    LocalDate parse(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            if (formatter == null) {
                return null;
            }
        }
        try {
            return LocalDate.parse(text, formatter);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
