package dev.steward.dsr.ui;

import com.vaadin.flow.component.icon.VaadinIcon;
import dev.steward.dsr.DsrPermissions;
import dev.steward.platform.spi.ui.NavigationContribution;
import dev.steward.platform.spi.ui.NavigationItem;
import dev.steward.platform.spi.ui.ViewContribution;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/** The plugin's pages and menu entries. */
@Configuration
class DsrUi {

    static final String GROUP = "Rights requests";

    @Bean
    ViewContribution dsrViews() {
        return () -> List.of(RequestsView.class, RequestView.class, PublicRequestView.class, IntakeSettingsView.class, MetricsView.class,
                VerificationRulesView.class, ClockRulesView.class, MyTasksView.class, ProcessorConfirmationView.class);
    }

    @Bean
    NavigationContribution dsrNavigation() {
        return () -> List.of(
                new NavigationItem("Requests", GROUP, VaadinIcon.USER_CHECK, RequestsView.class, DsrPermissions.READ, 10),
                new NavigationItem("Verification rules", GROUP, VaadinIcon.KEY, VerificationRulesView.class, DsrPermissions.READ, 50),
                new NavigationItem("Clocks and promises", GROUP, VaadinIcon.CLOCK, ClockRulesView.class, DsrPermissions.READ, 80),
                new NavigationItem("Request intake", GROUP, VaadinIcon.INBOX, IntakeSettingsView.class, DsrPermissions.ADMIN, 85),
                new NavigationItem("Request metrics", GROUP, VaadinIcon.BAR_CHART, MetricsView.class, DsrPermissions.READ, 90),
                new NavigationItem("My request tasks", GROUP, VaadinIcon.TASKS, MyTasksView.class, DsrPermissions.TASKS, 20));
    }
}
