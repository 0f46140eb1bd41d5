package dev.steward.vendors.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.steward.platform.catalog.CatalogKind;
import dev.steward.platform.catalog.PrivacyCatalog;
import dev.steward.platform.spi.RequiresPermission;
import dev.steward.vendors.VendorPermissions;
import dev.steward.vendors.registry.VendorList;
import jakarta.annotation.security.PermitAll;

/** The vendors the user is the business owner of (the grid's data-level rule keeps the others out). */
@Route("vendors/mine")
@PageTitle("My vendors · Steward")
@PermitAll
@RequiresPermission(VendorPermissions.OWN)
public class MyVendorsView extends VerticalLayout {

    final VendorGrid vendors;

    public MyVendorsView(VendorList list, PrivacyCatalog catalog) {
        setSizeFull();
        vendors = new VendorGrid(list, catalog.entries(CatalogKind.DATA_CATEGORY, false));
        add(new H2("My vendors"), new Paragraph("Vendors whose business owner you are in the people directory. Keep their contacts, "
                + "services, contracts and certificates current."), vendors);
        vendors.mineOnly = true;
        vendors.refresh();
    }
}
