package dev.steward.reviews.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import dev.steward.platform.spi.ui.DashboardWidget;
import dev.steward.platform.ui.DisplayTime;
import dev.steward.platform.ui.Ticker;
import dev.steward.reviews.ReviewPermissions;
import dev.steward.reviews.integration.ReviewStats;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.function.Supplier;

/** Dashboard cards: my pending reviews, campaign progress, overdue reviewers, revoked but not removed. */
@Configuration
class ReviewWidgets {

    static final int OVERDUE_SHOWN = 5;
    /** Late reviewers read for the card at most (one row per reviewer and campaign). */
    static final int OVERDUE_LISTED = 500;

    @Bean
    DashboardWidget myPendingReviews(ReviewStats stats) {
        return widget("My pending access reviews", ReviewPermissions.REVIEW, 20, () -> {
            int pending = stats.myPending();
            return pending == 0 ? new Span("Nothing to review") : new Anchor("reviews/my", pending + " item(s) waiting for your decision");
        });
    }

    @Bean
    DashboardWidget campaignProgress(ReviewStats stats) {
        return widget("Access-review campaigns", ReviewPermissions.READ, 21, () -> {
            VerticalLayout card = new VerticalLayout();
            card.setPadding(false);
            card.setSpacing(false);
            var campaigns = stats.activeCampaigns();
            if (campaigns.isEmpty()) {
                card.add(new Span("No active campaign"));
            }
            campaigns.forEach(c -> card.add(new Span(c.name() + ": " + c.decided() + " of " + c.items() + " decided"
                    + (c.items() == 0 ? "" : " (" + (100 * c.decided() / c.items()) + " %)") + (c.overdue() ? " · overdue" : ""))));
            return card;
        });
    }

    @Bean
    DashboardWidget overdueReviewers(ReviewStats stats) {
        return widget("Overdue reviewers", ReviewPermissions.READ, 23, () -> {
            VerticalLayout card = new VerticalLayout();
            card.setPadding(false);
            card.setSpacing(false);
            // there is no page of late reviewers: the card itself is the full list, the first few shown until asked for all
            var late = stats.overdueReviewers(OVERDUE_LISTED);
            if (late.isEmpty()) {
                card.add(new Span("Nobody is late"));
            }
            late.stream().limit(OVERDUE_SHOWN).forEach(r -> card.add(lateReviewer(r)));
            if (late.size() > OVERDUE_SHOWN) {
                Span shown = new Span(OVERDUE_SHOWN + " of " + late.size() + " late reviewers");
                Button all = new Button("Show all " + late.size(), e -> {
                    late.stream().skip(OVERDUE_SHOWN).forEach(r -> card.add(lateReviewer(r)));
                    shown.setText(late.size() + " late reviewers");
                    e.getSource().setVisible(false);
                });
                all.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
                card.addComponentAtIndex(0, shown);
                card.add(all);
            }
            return card;
        });
    }

    private static Component lateReviewer(ReviewStats.OverdueReviewer r) {
        return Ticker.text(new Span(), now -> r.reviewer() + ": " + r.pending() + " pending in " + r.campaign()
                + ", " + DisplayTime.countdown(r.due(), now));
    }

    @Bean
    DashboardWidget revokedButNotRemoved(ReviewStats stats) {
        return widget("Revoked but not removed", ReviewPermissions.READ, 22, () -> {
            int count = stats.revokedButNotRemoved();
            Anchor link = new Anchor("reviews/remediation", count == 0 ? "None: every verified revocation is gone" : count + " revoked access(es) still present");
            if (count > 0) {
                link.getStyle().set("color", "var(--lumo-error-text-color)");
            }
            return link;
        });
    }

    private static DashboardWidget widget(String title, String permission, int order, Supplier<Component> content) {
        return DashboardWidget.of(title, permission, order, content);
    }
}
