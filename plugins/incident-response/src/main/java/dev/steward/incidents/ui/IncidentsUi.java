package dev.steward.incidents.ui;

import com.vaadin.flow.component.icon.VaadinIcon;
import dev.steward.incidents.IncidentPermissions;
import dev.steward.platform.spi.ui.NavigationContribution;
import dev.steward.platform.spi.ui.NavigationItem;
import dev.steward.platform.spi.ui.ViewContribution;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/** The plugin's pages and menu entries. Dashboard cards are the {@code *Widget} components of this package. */
@Configuration
class IncidentsUi {

    static final String GROUP = "Incident response";

    @Bean
    ViewContribution incidentViews() {
        return () -> List.of(IncidentsView.class, IncidentView.class, RulesView.class, BreachRegisterView.class, TemplatesView.class);
    }

    @Bean
    NavigationContribution incidentNavigation() {
        return () -> List.of(
                new NavigationItem("Incidents", GROUP, VaadinIcon.FIRE, IncidentsView.class, IncidentPermissions.READ, 10),
                new NavigationItem("Breach register", GROUP, VaadinIcon.BOOK, BreachRegisterView.class, IncidentPermissions.READ, 20),
                new NavigationItem("Notification rules", GROUP, VaadinIcon.SCALE, RulesView.class, IncidentPermissions.READ, 30),
                new NavigationItem("Notice templates", GROUP, VaadinIcon.FILE_TEXT_O, TemplatesView.class, IncidentPermissions.READ, 40));
    }
}
