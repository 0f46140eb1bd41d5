package dev.steward.vendors.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import dev.steward.platform.catalog.CatalogKind;
import dev.steward.platform.security.CurrentUser;
import dev.steward.platform.ui.Buttons;
import dev.steward.platform.ui.Toasts;
import dev.steward.vendors.Countries;
import dev.steward.vendors.VendorPermissions;
import dev.steward.vendors.processing.Processing;
import dev.steward.vendors.processing.ProvidedService;
import dev.steward.vendors.processing.Purpose;
import dev.steward.vendors.registry.Vendor;

import java.util.stream.Collectors;

/** The vendor's services, each with its processing and its sub-processor chain. */
class ServicesPanel extends VerticalLayout {

    final Button addService = new Button("Add service", VaadinIcon.PLUS.create());
    private final VendorUiServices services;
    private final Vendor vendor;
    private final Runnable changed;
    private final CatalogNames names;
    private final boolean canEdit = CurrentUser.hasPermission(VendorPermissions.EDIT) || CurrentUser.hasPermission(VendorPermissions.OWN);

    ServicesPanel(VendorUiServices services, Vendor vendor, Runnable changed) {
        this.services = services;
        this.vendor = vendor;
        this.changed = changed;
        this.names = new CatalogNames(services.catalog());
        setPadding(false);
        addService.setVisible(canEdit);
        addService.addClickListener(e -> new ServiceDialog(services.services(), vendor.id(), s -> changed.run()).open());
        add(addService);
        for (ProvidedService service : services.services().ofVendor(vendor.id())) {
            add(service(service));
        }
    }

    private VerticalLayout service(ProvidedService service) {
        VerticalLayout box = new VerticalLayout();
        box.setPadding(false);
        HorizontalLayout header = new HorizontalLayout(new H4(service.name()));
        header.setAlignItems(Alignment.BASELINE);
        if (canEdit) {
            header.add(Buttons.small("Add processing", () -> new ProcessingDialog(services, service, null, changed).open()),
                    Buttons.small("Add sub-processor", () -> new SubProcessorDialog(services, service, changed).open()));
        }
        box.add(header);
        if (service.description() != null) {
            box.add(new Div(service.description()));
        }
        Grid<Processing> grid = new Grid<>();
        grid.addColumn(p -> VendorGrid.label(p.relationship().name())).setHeader("Relationship").setAutoWidth(true);
        grid.addColumn(p -> names.names(CatalogKind.DATA_CATEGORY, p.dataCategories())).setHeader("Data categories")
                .setKey("categories").setFlexGrow(1);
        grid.addColumn(p -> names.names(CatalogKind.SUBJECT_TYPE, p.subjectTypes())).setHeader("Subjects").setKey("subjects").setAutoWidth(true);
        grid.addColumn(p -> p.purposes().stream().map(this::purpose).collect(Collectors.joining("; "))).setHeader("Purposes (legal basis)")
                .setKey("purposes").setFlexGrow(1);
        grid.addColumn(p -> p.volume().label()).setHeader("People").setAutoWidth(true);
        grid.addColumn(p -> countries(p.processingCountries()) + (p.storageCountries().isEmpty() ? "" : " / stored " + countries(p.storageCountries())))
                .setHeader("Where").setKey("where").setAutoWidth(true);
        grid.addColumn(p -> (p.transfer().gap() ? "GAP: " : "") + p.transfer().reason()).setHeader("Transfer").setKey("transfer").setFlexGrow(1);
        grid.addColumn(p -> (p.specialCategory() ? "special category " : "") + (p.children() ? "children" : "")).setHeader("Sensitive").setAutoWidth(true);
        if (canEdit) {
            grid.addComponentColumn(p -> new HorizontalLayout(Buttons.small("Edit", () -> new ProcessingDialog(services, service, p, changed).open()),
                    Buttons.small("Remove", () -> act(() -> services.processing().delete(p.id(), p.version()))))).setKey("actions").setAutoWidth(true);
        }
        grid.setItems(services.processing().ofService(service.id()));
        grid.setAllRowsVisible(true);
        box.add(grid);
        var chain = services.subProcessors().chainBelow(service.id());
        if (!chain.isEmpty()) {
            box.add(new Div("Sub-processors:"));
            chain.forEach(link -> {
                HorizontalLayout line = new HorizontalLayout(new Div("\u00a0\u00a0".repeat(link.depth()) + "→ " + link.vendorName() + " · "
                        + link.serviceName() + (link.purpose() == null ? "" : " (" + link.purpose() + ")")));
                if (canEdit && link.depth() == 1) {
                    line.add(Buttons.small("Remove", () -> act(() -> services.subProcessors().remove(service.id(), link.serviceId()))));
                }
                box.add(line);
            });
        }
        return box;
    }

    private void act(Runnable change) {
        try {
            change.run();
            changed.run();
        } catch (RuntimeException e) {
            Toasts.error(e.getMessage());
        }
    }

    private String purpose(Purpose p) {
        return names.name(CatalogKind.PURPOSE, p.purpose()) + " (" + names.name(CatalogKind.LEGAL_BASIS, p.legalBasis()) + ")";
    }

    private static String countries(java.util.List<String> codes) {
        return codes.stream().map(Countries::name).collect(Collectors.joining(", "));
    }
}
