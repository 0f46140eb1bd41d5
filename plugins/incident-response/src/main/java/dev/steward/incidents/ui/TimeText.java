package dev.steward.incidents.ui;

import dev.steward.incidents.obligations.DueText;
import dev.steward.incidents.obligations.Obligation;
import dev.steward.platform.ui.DisplayTime;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Times inside texts the services wrote (timeline entries, change messages): each ISO-8601 instant is shown in the
 * user's zone. The stored text keeps the instant, which is what an export should carry.
 */
final class TimeText {

    private static final Pattern INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,9})?)?Z");

    private TimeText() {
    }

    /** "due moved to 2027-01-06T08:00:00Z" → "due moved to 2027-01-06 09:00 CET" for a user in Berlin. */
    static String render(String text) {
        if (text == null) {
            return "";
        }
        Matcher m = INSTANT.matcher(text);
        StringBuilder shown = new StringBuilder();
        while (m.find()) {
            String replacement;
            try {
                replacement = DisplayTime.format(Instant.parse(m.group()));
            } catch (DateTimeException notAnInstant) {
                replacement = m.group();
            }
            m.appendReplacement(shown, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(shown);
        return shown.toString();
    }

    /** A notice's deadline: the day in the rule's zone when it ends one, else the instant in the user's zone. */
    static String due(Obligation o) {
        if (o.due() == null) {
            return "clock not started";
        }
        return o.dueEndsADay() ? "by " + DueText.endOfDay(o.due(), o.dayZone()) : DisplayTime.format(o.due());
    }
}
