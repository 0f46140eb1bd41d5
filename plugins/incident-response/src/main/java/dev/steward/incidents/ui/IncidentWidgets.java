package dev.steward.incidents.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import dev.steward.incidents.IncidentFilter;
import dev.steward.incidents.IncidentList;
import dev.steward.incidents.IncidentPermissions;
import dev.steward.incidents.NoticeDue;
import dev.steward.incidents.IncidentStats;
import dev.steward.incidents.assessment.SeverityBand;
import dev.steward.platform.spi.ui.DashboardWidget;
import dev.steward.platform.ui.DisplayTime;
import dev.steward.platform.ui.Ticker;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;
import java.util.Optional;

/** The plugin's dashboard cards; each is one small query. */
@Configuration
class IncidentWidgets {

    static final int DUE_SOON_SHOWN = 8;
    static final int OVERDUE_SHOWN = 5;

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
    DashboardWidget noticesDueSoon(IncidentStats stats, IncidentList list) {
        return widget("Notices due in the next 72 hours", 11, () -> {
            var due = stats.notices(NoticeDue.DUE_72H, DUE_SOON_SHOWN);
            VerticalLayout card = card();
            if (due.isEmpty()) {
                card.add(new Span("Nothing due in the next 72 hours"));
            }
            due.forEach(d -> card.add(countdown(d)));
            showAll(card, due.size(), stats.noticeCount(NoticeDue.DUE_72H), "notices due", NoticeDue.DUE_72H, list);
            return card;
        });
    }

    @Bean
    DashboardWidget overdueNotices(IncidentStats stats, IncidentList list) {
        return widget("Overdue notices", 12, () -> {
            VerticalLayout card = card();
            int count = stats.overdueCount();
            Span total = new Span(count == 0 ? "None overdue" : count + " overdue");
            if (count > 0) {
                total.getStyle().set("color", "var(--lumo-error-text-color)");
            }
            card.add(total);
            var shown = stats.notices(NoticeDue.OVERDUE, OVERDUE_SHOWN);
            shown.forEach(d -> card.add(countdown(d)));
            showAll(card, shown.size(), count, "overdue notices", NoticeDue.OVERDUE, list);
            return card;
        });
    }

    /** Under a capped list: "5 of 58 overdue notices" and a link to the incidents that hold all of them. */
    private static void showAll(VerticalLayout card, int shown, int total, String what, NoticeDue window, IncidentList list) {
        if (shown >= total) {
            return;
        }
        int incidents = list.count(IncidentFilter.withNotices(window));
        card.add(new Span(shown + " of " + total + " " + what));
        card.add(new Anchor(noticesList(window), "Show all (" + incidents + (incidents == 1 ? " incident)" : " incidents)")));
    }

    /** The incidents list narrowed to the incidents with an open notice in the window. */
    static String noticesList(NoticeDue window) {
        return "incidents?" + IncidentsView.NOTICES + "=" + window.parameter();
    }

    /** A link to the incident whose countdown moves on while the dashboard is open. */
    static Anchor countdown(IncidentStats.DueObligation d) {
        return Ticker.text(new Anchor("incidents/" + d.incidentId(), ""),
                now -> d.reference() + " · " + d.label() + " · " + DisplayTime.countdown(d.due(), now));
    }

    private static VerticalLayout card() {
        VerticalLayout card = new VerticalLayout();
        card.setPadding(false);
        card.setSpacing(false);
        return card;
    }

    private static DashboardWidget widget(String title, int order, java.util.function.Supplier<Component> content) {
        return DashboardWidget.of(title, IncidentPermissions.READ, order, content);
    }
}
