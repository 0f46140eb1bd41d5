package dev.steward.dsr.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import dev.steward.dsr.DsrPermissions;
import dev.steward.dsr.clocks.ClockStats;
import dev.steward.platform.spi.ui.DashboardWidget;
import dev.steward.platform.ui.DisplayTime;
import dev.steward.platform.ui.Ticker;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;
import java.util.Locale;
import java.util.function.Supplier;

/** The dashboard cards of request clocks, for holders of dsr.read; each one small query. */
@Configuration
class ClockWidgets {

    static final int DUE_SHOWN = 8;
    static final Duration MONTH = Duration.ofDays(30);
    static final Duration YEAR = Duration.ofDays(365);

    @Bean
    DashboardWidget requestsDueSoon(ClockStats stats) {
        return widget("Rights requests due in the next 30 days", 40, () -> {
            VerticalLayout card = card();
            var due = stats.dueWithin(MONTH, DUE_SHOWN);
            if (due.isEmpty()) {
                card.add(new Span("No open request is due in the next 30 days"));
            }
            due.forEach(d -> card.add(Ticker.text(new Anchor("requests/" + d.id(), ""),
                    now -> d.reference() + " · due " + DisplayTime.due(d.due()) + " · " + DisplayTime.countdown(d.due(), now))));
            int total = stats.dueWithinCount(MONTH);
            if (total > due.size()) {
                card.add(new Span(due.size() + " of " + total + " shown"));
                card.add(new Anchor("requests", "Show the queue"));
            }
            return card;
        });
    }

    @Bean
    DashboardWidget overdueRequests(ClockStats stats) {
        return widget("Overdue rights requests", 41, () -> {
            VerticalLayout card = card();
            int count = stats.overdueCount();
            Span total = new Span(count == 0 ? "None overdue" : count + " overdue");
            if (count > 0) {
                total.getStyle().set("color", "var(--lumo-error-text-color)");
                card.add(total, new Anchor("requests?show=overdue", "Show them"));
            } else {
                card.add(total);
            }
            return card;
        });
    }

    @Bean
    DashboardWidget requestsAwaitingVerification(ClockStats stats) {
        return widget("Requests awaiting verification", 42, () -> {
            VerticalLayout card = card();
            int count = stats.awaitingVerificationCount();
            card.add(new Span(count == 0 ? "None waiting" : count + " waiting"));
            if (count > 0) {
                card.add(new Anchor("requests?show=awaiting-verification", "Show them"));
            }
            return card;
        });
    }

    @Bean
    DashboardWidget medianDaysToClose(ClockStats stats) {
        return widget("Median days to close a request (12 months)", 43, () -> {
            VerticalLayout card = card();
            card.add(new Span(stats.medianDaysToClose(YEAR).map(d -> String.format(Locale.ENGLISH, "%.1f days", d))
                    .orElse("No request closed in the last 12 months")));
            return card;
        });
    }

    private static VerticalLayout card() {
        VerticalLayout card = new VerticalLayout();
        card.setPadding(false);
        card.setSpacing(false);
        return card;
    }

    private static DashboardWidget widget(String title, int order, Supplier<Component> content) {
        return DashboardWidget.of(title, DsrPermissions.READ, order, content);
    }
}
