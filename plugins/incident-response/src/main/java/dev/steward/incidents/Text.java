package dev.steward.incidents;

/** Text as the plugin stores it: trimmed, and blank is no text. */
public final class Text {

    private Text() {
    }

    public static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
