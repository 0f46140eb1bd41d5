package dev.steward.vendors.ui;

import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.steward.platform.spi.RequiresPermission;
import dev.steward.vendors.VendorPermissions;
import jakarta.annotation.security.PermitAll;

/** A vendor's page for readers of the registry. */
@Route("vendors/:id")
@PageTitle("Vendor · Steward")
@PermitAll
@RequiresPermission(VendorPermissions.READ)
public class VendorView extends VerticalLayout implements BeforeEnterObserver {

    final VendorPage page;

    public VendorView(VendorUiServices services) {
        setSizeFull();
        setPadding(false);
        page = new VendorPage(services);
        add(page);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        page.open(event);
    }
}
