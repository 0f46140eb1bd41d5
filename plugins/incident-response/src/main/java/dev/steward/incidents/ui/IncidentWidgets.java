package dev.steward.incidents.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import dev.steward.incidents.IncidentPermissions;
import dev.steward.incidents.IncidentStats;
import dev.steward.incidents.assessment.SeverityBand;
import dev.steward.platform.spi.ui.DashboardWidget;
import dev.steward.platform.ui.DisplayTime;
import dev.steward.platform.ui.Ticker;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The plugin's dashboard cards; each is one small query. */
@Configuration
class IncidentWidgets {

    private static final Duration YEAR = Duration.ofDays(365);

    @Bean
    DashboardWidget openIncidentsBySeverity(IncidentStats stats) {
        return widget("Open incidents by severity", 10, () -> {
            var counts = stats.openBySeverity();
            VerticalLayout card = card();
            int total = counts.values().stream().mapToInt(Integer::intValue).sum();
            card.add(new Span(total + " open"));
            for (SeverityBand band : List.of(SeverityBand.VERY_HIGH, SeverityBand.HIGH, SeverityBand.MEDIUM, SeverityBand.LOW)) {
                card.add(new Span(band.label() + ": " + counts.getOrDefault(Optional.of(band), 0)));
            }
            card.add(new Span("Not assessed: " + counts.getOrDefault(Optional.empty(), 0)));
            return card;
        });
    }

    @Bean
    DashboardWidget noticesDueSoon(IncidentStats stats) {
        return widget("Notices due in the next 72 hours", 11, () -> {
            var due = stats.dueWithin(Duration.ofHours(72), 8);
            VerticalLayout card = card();
            if (due.isEmpty()) {
                card.add(new Span("Nothing due in the next 72 hours"));
            }
            due.forEach(d -> card.add(countdown(d)));
            return card;
        });
    }

    @Bean
    DashboardWidget overdueNotices(IncidentStats stats) {
        return widget("Overdue notices", 12, () -> {
            VerticalLayout card = card();
            int count = stats.overdueCount();
            Span total = new Span(count == 0 ? "None overdue" : count + " overdue");
            if (count > 0) {
                total.getStyle().set("color", "var(--lumo-error-text-color)");
            }
            card.add(total);
            stats.overdue(5).forEach(d -> card.add(countdown(d)));
            return card;
        });
    }

    @Bean
    DashboardWidget meanTimes(IncidentStats stats) {
        return widget("Mean time to contain and to notify (12 months)", 13, () -> {
            VerticalLayout card = card();
            card.add(new Span("To contain (from discovery): " + stats.meanTimeToContain(YEAR).map(IncidentWidgets::duration).orElse("no data")));
            card.add(new Span("To notify (from awareness): " + stats.meanTimeToNotify(YEAR).map(IncidentWidgets::duration).orElse("no data")));
            return card;
        });
    }

    /** A link to the incident whose countdown moves on while the dashboard is open. */
    static Anchor countdown(IncidentStats.DueObligation d) {
        return Ticker.text(new Anchor("incidents/" + d.incidentId(), ""),
                now -> d.reference() + " · " + d.label() + " · " + DisplayTime.countdown(d.due(), now));
    }

    static String duration(Duration d) {
        return d.toDays() > 0 ? d.toDays() + " d " + d.toHoursPart() + " h" : d.toHours() + " h " + d.toMinutesPart() + " min";
    }

    private static VerticalLayout card() {
        VerticalLayout card = new VerticalLayout();
        card.setPadding(false);
        card.setSpacing(false);
        return card;
    }

    private static DashboardWidget widget(String title, int order, java.util.function.Supplier<Component> content) {
        return new DashboardWidget() {
            public String title() {
                return title;
            }

            public String requiredPermission() {
                return IncidentPermissions.READ;
            }

            public int order() {
                return order;
            }

            public Component create() {
                return content.get();
            }
        };
    }
}
