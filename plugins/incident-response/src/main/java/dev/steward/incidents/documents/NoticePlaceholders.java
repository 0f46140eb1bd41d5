package dev.steward.incidents.documents;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The parts of a notice's text still to be filled in before it goes out: the template's bracketed instructions
 * ("[name, email and telephone of the DPO or other contact point]", "[state the reasons for the delay]"), facts the
 * incident did not state ("[not yet known]") and {{placeholders}} left unfilled.
 */
public final class NoticePlaceholders {

    /** Square brackets around words on one line: "[1]" or "[ ]" is not an instruction. */
    private static final Pattern BRACKETS = Pattern.compile("\\[[^\\[\\]\\n]*\\p{L}{2}[^\\[\\]\\n]*]");
    private static final Pattern UNFILLED = Pattern.compile("\\{\\{[^{}\\n]*}}");

    private NoticePlaceholders() {
    }

    /** Each placeholder once, in the order it first appears. */
    public static List<String> in(String text) {
        if (text == null) {
            return List.of();
        }
        record Found(int at, String text) {
        }
        var found = new java.util.ArrayList<Found>();
        BRACKETS.matcher(text).results().forEach(m -> found.add(new Found(m.start(), m.group())));
        UNFILLED.matcher(text).results().forEach(m -> found.add(new Found(m.start(), m.group())));
        found.sort(java.util.Comparator.comparingInt(Found::at));
        LinkedHashSet<String> distinct = new LinkedHashSet<>();
        found.forEach(f -> distinct.add(f.text()));
        return List.copyOf(distinct);
    }
}
