package dev.steward.incidents.ui;

import dev.steward.incidents.IncidentFilter;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The incidents list's {@code opened=YYYY-Www} parameter (an ISO week, Monday to Sunday, as the weekly chart counts):
 * what a bar of the chart opens.
 */
record OpenedWeek(LocalDate monday) {

    /** Query parameter: {@code incidents?opened=2026-W49}. */
    static final String PARAMETER = "opened";

    private static final Pattern ISO_WEEK = Pattern.compile("(\\d{4})-W(\\d{2})");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    /** The week that holds {@code day}. */
    static OpenedWeek of(LocalDate day) {
        return new OpenedWeek(day.with(DayOfWeek.MONDAY));
    }

    /** "2026-W49"; empty when the text is no week of its year. */
    static Optional<OpenedWeek> parse(String text) {
        Matcher m = ISO_WEEK.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        int year = Integer.parseInt(m.group(1));
        int week = Integer.parseInt(m.group(2));
        LocalDate midYear = LocalDate.of(year, 7, 1);
        if (week < 1 || week > midYear.range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum()) {
            return Optional.empty();
        }
        return Optional.of(of(midYear.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week)));
    }

    String parameter() {
        return String.format(Locale.ROOT, "%d-W%02d", monday.get(IsoFields.WEEK_BASED_YEAR), monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /** The incidents list of this week's incidents. */
    String list() {
        return "incidents?" + PARAMETER + "=" + parameter();
    }

    /** Monday 00:00 to the next Monday 00:00 in {@code zone}. */
    IncidentFilter.Span span(ZoneId zone) {
        return new IncidentFilter.Span(monday.atStartOfDay(zone).toInstant(), monday.plusWeeks(1).atStartOfDay(zone).toInstant());
    }

    /** "Opened 30 Nov – 6 Dec 2026". */
    String label() {
        return "Opened " + DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH).format(monday) + " – " + DAY.format(monday.plusDays(6));
    }
}
