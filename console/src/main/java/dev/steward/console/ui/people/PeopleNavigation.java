package dev.steward.console.ui.people;

import com.vaadin.flow.component.icon.VaadinIcon;
import dev.steward.platform.security.PlatformPermissions;
import dev.steward.platform.spi.ui.NavigationContribution;
import dev.steward.platform.spi.ui.NavigationItem;
import org.springframework.stereotype.Component;

import java.util.List;

@Component
class PeopleNavigation implements NavigationContribution {

    @Override
    public List<NavigationItem> navigationItems() {
        return List.of(
                new NavigationItem("People", "Directory", VaadinIcon.USERS, PeopleView.class, PlatformPermissions.PEOPLE_READ, 100),
                new NavigationItem("Org units", "Directory", VaadinIcon.SITEMAP, OrgUnitsView.class, PlatformPermissions.PEOPLE_READ, 110));
    }
}
