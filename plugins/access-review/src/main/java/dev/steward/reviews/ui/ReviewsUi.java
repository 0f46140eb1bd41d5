package dev.steward.reviews.ui;

import com.vaadin.flow.component.icon.VaadinIcon;
import dev.steward.platform.spi.ui.NavigationContribution;
import dev.steward.platform.spi.ui.NavigationItem;
import dev.steward.platform.spi.ui.ViewContribution;
import dev.steward.reviews.ReviewPermissions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/** The plugin's pages and menu entries. */
@Configuration
class ReviewsUi {

    static final String GROUP = "Access reviews";

    @Bean
    ViewContribution reviewViews() {
        return () -> List.of(MyReviewsView.class, CampaignsView.class, SystemsView.class, RemediationView.class);
    }

    @Bean
    NavigationContribution reviewNavigation() {
        return () -> List.of(
                new NavigationItem("My reviews", GROUP, VaadinIcon.CHECK_SQUARE_O, MyReviewsView.class, ReviewPermissions.REVIEW, 10),
                new NavigationItem("Campaigns", GROUP, VaadinIcon.CALENDAR_CLOCK, CampaignsView.class, ReviewPermissions.READ, 20),
                new NavigationItem("Systems and imports", GROUP, VaadinIcon.SERVER, SystemsView.class, ReviewPermissions.READ, 30),
                new NavigationItem("Remediation", GROUP, VaadinIcon.TOOLS, RemediationView.class, ReviewPermissions.READ, 40));
    }
}
