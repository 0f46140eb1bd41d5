package dev.steward.vendors.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import dev.steward.platform.security.CurrentUser;
import dev.steward.platform.ui.Buttons;
import dev.steward.vendors.VendorPermissions;
import dev.steward.vendors.contracts.Certification;
import dev.steward.vendors.contracts.Contract;
import dev.steward.vendors.registry.Vendor;

import java.time.LocalDate;

/** Contracts (with their current term and notice date) and certifications; the DPA status in the page header derives from these. */
class ContractsPanel extends VerticalLayout {

    final Button addContract = new Button("Add contract", VaadinIcon.PLUS.create());
    final Button addCertification = new Button("Add certification", VaadinIcon.PLUS.create());
    final Grid<Contract> contracts = new Grid<>();
    final Grid<Certification> certifications = new Grid<>();

    ContractsPanel(VendorUiServices services, Vendor vendor, Runnable changed) {
        setPadding(false);
        boolean canEdit = CurrentUser.hasPermission(VendorPermissions.EDIT) || CurrentUser.hasPermission(VendorPermissions.OWN);
        addContract.setVisible(canEdit);
        addCertification.setVisible(canEdit);
        addContract.addClickListener(e -> new ContractDialog(services.contracts(), vendor.id(), null, changed).open());
        addCertification.addClickListener(e -> new CertificationDialog(services.certifications(), vendor.id(), null, changed).open());

        contracts.addColumn(c -> c.type().label()).setHeader("Type").setKey("type").setAutoWidth(true);
        contracts.addColumn(c -> c.title() == null ? "" : c.title()).setHeader("Title").setFlexGrow(1);
        contracts.addColumn(c -> VendorGrid.label(c.term().standing().name())).setHeader("Standing").setKey("standing").setAutoWidth(true);
        contracts.addColumn(c -> c.signedOn() == null ? "" : c.signedOn().toString()).setHeader("Signed").setAutoWidth(true);
        contracts.addColumn(c -> c.term().currentEnd() == null ? "open-ended" : c.term().currentEnd() + (c.term().renews() ? " (renews)" : ""))
                .setHeader("Term ends").setAutoWidth(true);
        contracts.addColumn(c -> c.term().noticeBy() == null ? "" : c.term().noticeBy().toString()).setHeader("Notice by").setAutoWidth(true);
        certifications.addColumn(Certification::displayName).setHeader("Certificate or report").setFlexGrow(1);
        certifications.addColumn(c -> c.validFrom() + " – " + c.validTo()).setHeader("Valid").setAutoWidth(true);
        certifications.addColumn(c -> c.periodStart() == null ? "" : c.periodStart() + " – " + c.periodEnd()).setHeader("Report period").setAutoWidth(true);
        certifications.addColumn(c -> c.expiredOn(LocalDate.now()) ? "expired" : "").setHeader("").setKey("expired").setAutoWidth(true);
        contracts.addComponentColumn(c -> new HorizontalLayout(Buttons.small("Document", () -> new DocumentsDialog(services.files(), "contract",
                c.id(), c.type().label() + " with " + vendor.legalName()).open()), editContract(services, vendor, c, changed, canEdit))).setKey("actions");
        certifications.addComponentColumn(c -> new HorizontalLayout(Buttons.small("Document", () -> new DocumentsDialog(services.files(),
                "certification", c.id(), c.displayName() + " of " + vendor.legalName()).open()),
                editCertification(services, vendor, c, changed, canEdit))).setKey("actions");
        contracts.setItems(services.contracts().ofVendor(vendor.id()));
        certifications.setItems(services.certifications().ofVendor(vendor.id()));
        contracts.setAllRowsVisible(true);
        certifications.setAllRowsVisible(true);
        add(new HorizontalLayout(new H4("Contracts"), addContract), contracts, new HorizontalLayout(new H4("Certifications"), addCertification),
                certifications);
    }

    private static Button editContract(VendorUiServices services, Vendor vendor, Contract c, Runnable changed, boolean canEdit) {
        Button edit = Buttons.small("Edit", () -> new ContractDialog(services.contracts(), vendor.id(), c, changed).open());
        edit.setVisible(canEdit);
        return edit;
    }

    private static Button editCertification(VendorUiServices services, Vendor vendor, Certification c, Runnable changed, boolean canEdit) {
        Button edit = Buttons.small("Edit", () -> new CertificationDialog(services.certifications(), vendor.id(), c, changed).open());
        edit.setVisible(canEdit);
        return edit;
    }
}
