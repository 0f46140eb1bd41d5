package dev.steward.vendors.ui;

import com.vaadin.flow.component.icon.VaadinIcon;
import dev.steward.platform.spi.ui.NavigationContribution;
import dev.steward.platform.spi.ui.NavigationItem;
import dev.steward.platform.spi.ui.ViewContribution;
import dev.steward.vendors.VendorPermissions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/** The plugin's pages and menu entries. */
@Configuration
class VendorsUi {

    static final String GROUP = "Vendors";

    @Bean
    ViewContribution vendorViews() {
        return () -> List.of(VendorsView.class, MyVendorsView.class, VendorView.class, MyVendorView.class, DataSharingMatrixView.class);
    }

    @Bean
    NavigationContribution vendorNavigation() {
        return () -> List.of(
                new NavigationItem("Vendor registry", GROUP, VaadinIcon.BUILDING, VendorsView.class, VendorPermissions.READ, 10),
                new NavigationItem("Data-sharing matrix", GROUP, VaadinIcon.TABLE, DataSharingMatrixView.class, VendorPermissions.READ, 20),
                new NavigationItem("My vendors", GROUP, VaadinIcon.USER_CARD, MyVendorsView.class, VendorPermissions.OWN, 30));
    }
}
