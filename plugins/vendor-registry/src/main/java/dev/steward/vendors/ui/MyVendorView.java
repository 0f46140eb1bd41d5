package dev.steward.vendors.ui;

import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.steward.platform.spi.RequiresPermission;
import dev.steward.vendors.VendorPermissions;
import jakarta.annotation.security.PermitAll;

/**
 * A vendor's page for its business owner (the services allow only their own vendors). Not a subclass of
 * {@link VendorView}: the host resolves views by type, and a subclass would make that ambiguous.
 */
@Route("vendors/mine/:id")
@PageTitle("My vendor · Steward")
@PermitAll
@RequiresPermission(VendorPermissions.OWN)
public class MyVendorView extends VerticalLayout implements BeforeEnterObserver {

    final VendorPage page;

    public MyVendorView(VendorUiServices services) {
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
