package dev.steward.dsr.clocks;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.Set;
import java.util.TreeSet;

/**
 * United States federal holidays (5 U.S.C. 6103), computed by their rules rather than listed, with the weekend
 * observance of Executive Order 11582: a holiday on a Saturday is observed the Friday before (so New Year's Day on a
 * Saturday is observed on 31 December of the year before), one on a Sunday the Monday after.
 */
public final class UsFederalHolidays {

    private UsFederalHolidays() {
    }

    public static boolean isHoliday(LocalDate day) {
        return observedIn(day.getYear()).contains(day);
    }

    /** Whether the day is a business day: Monday to Friday and no observed federal holiday. */
    public static boolean isBusinessDay(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY && !isHoliday(day);
    }

    /** The observed holidays falling in {@code year} (including next year's New Year's Day when observed on 31 December). */
    public static Set<LocalDate> observedIn(int year) {
        Set<LocalDate> days = new TreeSet<>();
        for (LocalDate fixed : new LocalDate[]{
                LocalDate.of(year, Month.JANUARY, 1), LocalDate.of(year, Month.JUNE, 19), LocalDate.of(year, Month.JULY, 4),
                LocalDate.of(year, Month.NOVEMBER, 11), LocalDate.of(year, Month.DECEMBER, 25), LocalDate.of(year + 1, Month.JANUARY, 1)}) {
            LocalDate observed = observed(fixed);
            if (observed.getYear() == year) {
                days.add(observed);
            }
        }
        days.add(nth(year, Month.JANUARY, DayOfWeek.MONDAY, 3));     // Martin Luther King Jr. Day
        days.add(nth(year, Month.FEBRUARY, DayOfWeek.MONDAY, 3));    // Washington's Birthday
        days.add(LocalDate.of(year, Month.MAY, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY))); // Memorial Day
        days.add(nth(year, Month.SEPTEMBER, DayOfWeek.MONDAY, 1));   // Labor Day
        days.add(nth(year, Month.OCTOBER, DayOfWeek.MONDAY, 2));     // Columbus Day
        days.add(nth(year, Month.NOVEMBER, DayOfWeek.THURSDAY, 4));  // Thanksgiving Day
        return days;
    }

    /** The last of {@code count} business days after {@code start} (the day of receipt itself does not count). */
    public static LocalDate plusBusinessDays(LocalDate start, int count) {
        LocalDate day = start;
        int left = count;
        while (left > 0) {
            day = day.plusDays(1);
            if (isBusinessDay(day)) {
                left--;
            }
        }
        return day;
    }

    static LocalDate observed(LocalDate holiday) {
        return switch (holiday.getDayOfWeek()) {
            case SATURDAY -> holiday.minusDays(1);
            case SUNDAY -> holiday.plusDays(1);
            default -> holiday;
        };
    }

    private static LocalDate nth(int year, Month month, DayOfWeek weekday, int n) {
        return LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(n, weekday));
    }
}
