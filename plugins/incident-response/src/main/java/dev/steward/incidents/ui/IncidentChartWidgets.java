package dev.steward.incidents.ui;

import com.vaadin.flow.component.Component;
import dev.steward.incidents.IncidentCharts;
import dev.steward.incidents.IncidentPermissions;
import dev.steward.incidents.IncidentStats;
import dev.steward.incidents.NoticeDue;
import dev.steward.incidents.assessment.SeverityBand;
import dev.steward.platform.spi.ui.DashboardWidget;
import dev.steward.platform.ui.Chart;
import dev.steward.platform.ui.ChartCard;
import dev.steward.platform.ui.ChartOptions;
import dev.steward.platform.ui.DisplayTime;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/** The plugin's dashboard charts; each links to the incidents list. Opened bars are stacked by severity. */
@Configuration
class IncidentChartWidgets {

    static final int WEEKS = 12;
    static final int DAYS = 30;
    static final int MONTHS = 12;
    static final String CLOSED = "Closed (all severities)";
    /** Very high to low, not assessed, then the closed line. */
    static final List<String> SEVERITY_COLORS = List.of("#d7263d", "#f46036", "#f5b700", "#3fa34d", "#9aa5b1", "#2e86de");
    static final String TO_CONTAIN = "To contain (median)";
    static final String TO_NOTIFY = "To notify (median)";
    static final String DUE = "Notices due";

    private static final Duration YEAR = Duration.ofDays(365);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yy", Locale.ENGLISH);

    @Bean
    DashboardWidget incidentsPerWeek(IncidentCharts charts) {
        return widget("Incidents opened and closed per week", 14, () -> {
            var weekly = charts.openedAndClosedPerWeek(WEEKS, DisplayTime.zone());
            ChartOptions options = ChartOptions.over(weekly.weeks().stream().map(DAY::format).toList());
            weekly.opened().forEach((severity, counts) -> options.stackedBars("opened",
                    severity.map(SeverityBand::label).orElse("Not assessed"), boxed(counts)));
            options.colors(SEVERITY_COLORS);
            int[] closed = new int[WEEKS];
            weekly.closed().values().forEach(counts -> Arrays.setAll(closed, i -> closed[i] + counts[i]));
            options.line(CLOSED, boxed(closed));
            List<String> labels = options.categories();
            return new ChartCard(new Chart(options).linkingTo(week -> labels.contains(week)
                    ? OpenedWeek.of(weekly.weeks().get(labels.indexOf(week))).list() : "incidents"), "Show all incidents", "incidents");
        });
    }

    @Bean
    DashboardWidget noticesDuePerDay(IncidentCharts charts) {
        return widget("Notices due in the next 30 days", 15, () -> {
            var perDay = charts.noticesDuePerDay(DAYS, DisplayTime.zone());
            List<LocalDate> days = List.copyOf(perDay.keySet());
            ChartOptions options = ChartOptions.over(days.stream().map(DAY::format).toList()).bars(DUE, List.copyOf(perDay.values()));
            int total = perDay.values().stream().mapToInt(Integer::intValue).sum();
            String dueList = IncidentWidgets.noticesList(NoticeDue.DUE_30D);
            return new ChartCard(new Chart(options).linkingTo(day -> dueList), "Show the incidents with notices due", dueList)
                    .saying(total == 0 ? "No notice is due in the next 30 days" : total + " notice(s) due in the next 30 days");
        });
    }

    @Bean
    DashboardWidget timeToContainAndNotify(IncidentCharts charts, IncidentStats stats) {
        return widget("Time to contain and to notify, per month", 16, () -> {
            var medians = charts.monthlyMedians(MONTHS, DisplayTime.zone());
            ChartOptions options = ChartOptions.over(medians.months().stream().map(MONTH::format).toList()).valueAxis("hours")
                    .line(TO_CONTAIN, rounded(medians.containHours())).line(TO_NOTIFY, rounded(medians.notifyHours()));
            return new ChartCard(new Chart(options).linkingTo(month -> "incidents"), "Show all incidents", "incidents")
                    .saying(meanTimes(stats.meanTimeToContain(YEAR), stats.meanTimeToNotify(YEAR)));
        });
    }

    /** The twelve-month means the lines (monthly medians) do not show. */
    static String meanTimes(Optional<Duration> toContain, Optional<Duration> toNotify) {
        return "Mean over 12 months: to contain (from discovery) " + toContain.map(IncidentChartWidgets::duration).orElse("no data")
                + "; to notify (from awareness) " + toNotify.map(IncidentChartWidgets::duration).orElse("no data");
    }

    static String duration(Duration d) {
        return d.toDays() > 0 ? d.toDays() + " d " + d.toHoursPart() + " h" : d.toHours() + " h " + d.toMinutesPart() + " min";
    }

    private static List<Integer> boxed(int[] counts) {
        return Arrays.stream(counts).boxed().toList();
    }

    private static List<Double> rounded(Double[] hours) {
        return Arrays.stream(hours).map(h -> h == null ? null : Math.round(h * 10) / 10.0).toList();
    }

    private static DashboardWidget widget(String title, int order, Supplier<Component> content) {
        return DashboardWidget.of(title, IncidentPermissions.READ, order, content);
    }
}
