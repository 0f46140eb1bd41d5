package dev.steward.vendors.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import dev.steward.platform.links.EntityRef;
import dev.steward.platform.links.ui.LinkedRecordsPanel;
import dev.steward.vendors.integration.VendorLinks;
import com.vaadin.flow.router.BeforeEnterEvent;
import dev.steward.platform.files.Attachment;
import dev.steward.platform.files.ui.AttachmentsPanel;
import dev.steward.vendors.VendorPermissions;
import dev.steward.vendors.registry.Vendor;
import org.springframework.security.access.AccessDeniedException;

/**
 * One vendor's page: overview, services with processing and sub-processors, contracts and certifications, risk, files,
 * history.
 * Shown by {@link VendorView} (readers) and {@link MyVendorView} (business owners; the services refuse other vendors).
 */
class VendorPage extends VerticalLayout {

    final H2 heading = new H2();
    final Span dpa = new Span();
    final Span scc = new Span();
    final Button edit = new Button("Edit");
    final TabSheet tabs = new TabSheet();
    final com.vaadin.flow.component.html.Paragraph whoEdits = new com.vaadin.flow.component.html.Paragraph();
    final VendorUiServices services;
    Vendor vendor;
    ServicesPanel servicesPanel;
    ContractsPanel contractsPanel;
    RiskPanel riskPanel;

    VendorPage(VendorUiServices services) {
        this.services = services;
        setSizeFull();
        tabs.setSizeFull();
        edit.addClickListener(e -> new VendorDialog(services.vendors(), vendor, saved -> reload()).open());
        HorizontalLayout header = new HorizontalLayout(heading, dpa, scc, edit);
        header.setAlignItems(Alignment.BASELINE);
        whoEdits.getStyle().set("color", "var(--lumo-secondary-text-color)");
        whoEdits.setVisible(false);
        add(header, whoEdits, tabs);
    }

    void open(BeforeEnterEvent event) {
        long id = event.getRouteParameters().getLong("id").orElse(-1L);
        try {
            vendor = services.vendors().find(id).orElse(null);
        } catch (AccessDeniedException e) {
            vendor = null;
        }
        if (vendor == null) {
            heading.setText("No vendor " + event.getRouteParameters().get("id").orElse("") + " that you may see");
            edit.setVisible(false);
            tabs.setVisible(false);
            return;
        }
        show();
    }

    void reload() {
        vendor = services.vendors().find(vendor.id()).orElseThrow();
        show();
    }

    private void show() {
        heading.setText(vendor.displayName());
        // whoever may add files to a vendor may change it (VendorAttachmentAccess asks VendorAccess.requireEdit)
        dev.steward.platform.ui.WhoCan mayEdit = services.files().writeAccess(
                new Attachment.Owner(VendorPermissions.PLUGIN_ID, "vendor", String.valueOf(vendor.id())));
        edit.setVisible(mayEdit.allowed());
        whoEdits.setText(mayEdit.allowed() ? "" : mayEdit.onlyCan("change this vendor"));
        whoEdits.setVisible(!mayEdit.allowed());
        var state = services.contracts().dpaState(vendor.id());
        dpa.setText("DPA: " + state.status().label());
        dpa.getElement().setAttribute("title", state.reason());
        dpa.getStyle().set("color", state.status().isGap() ? "var(--lumo-error-text-color)" : "var(--lumo-success-text-color)");
        scc.setText(services.contracts().sccMissing(vendor.id()) ? "SCCs relied on for transfers, but no signed SCCs in force" : "");
        scc.getStyle().set("color", "var(--lumo-error-text-color)");
        int selected = Math.max(0, tabs.getSelectedIndex());
        while (tabs.getTabCount() > 0) {
            tabs.remove(0);
        }
        servicesPanel = new ServicesPanel(services, vendor, this::show);
        contractsPanel = new ContractsPanel(services, vendor, this::show);
        riskPanel = new RiskPanel(services, vendor, this::reload);
        tabs.add("Overview", new OverviewPanel(services, vendor));
        tabs.add("Services and processing", servicesPanel);
        tabs.add("Contracts and certifications", contractsPanel);
        tabs.add("Risk and assessments", riskPanel);
        tabs.add("Incidents and links", new LinkedRecordsPanel(services.links(), new EntityRef(VendorLinks.TYPE, String.valueOf(vendor.id()))));
        tabs.add("Files", new AttachmentsPanel(services.files(), new Attachment.Owner(VendorPermissions.PLUGIN_ID, "vendor", String.valueOf(vendor.id()))));
        tabs.add("History", new HistoryPanel(services.history(), vendor.id()));
        tabs.setSelectedIndex(Math.min(selected, tabs.getTabCount() - 1));
    }
}
