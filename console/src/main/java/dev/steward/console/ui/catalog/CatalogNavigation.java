package dev.steward.console.ui.catalog;

import com.vaadin.flow.component.icon.VaadinIcon;
import dev.steward.platform.security.PlatformPermissions;
import dev.steward.platform.spi.ui.NavigationContribution;
import dev.steward.platform.spi.ui.NavigationItem;
import org.springframework.stereotype.Component;

import java.util.List;

@Component
class CatalogNavigation implements NavigationContribution {

    @Override
    public List<NavigationItem> navigationItems() {
        return List.of(new NavigationItem("Privacy catalogue", "Directory", VaadinIcon.BOOK, CatalogView.class,
                PlatformPermissions.CATALOG_READ, 120));
    }
}
