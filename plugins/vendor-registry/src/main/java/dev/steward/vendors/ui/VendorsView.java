package dev.steward.vendors.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.steward.platform.catalog.CatalogKind;
import dev.steward.platform.catalog.PrivacyCatalog;
import dev.steward.platform.security.CurrentUser;
import dev.steward.platform.spi.RequiresPermission;
import dev.steward.vendors.VendorPermissions;
import dev.steward.vendors.exports.SubProcessorList;
import dev.steward.vendors.imports.RegistryExport;
import dev.steward.vendors.imports.VendorImport;
import dev.steward.vendors.registry.VendorList;
import dev.steward.vendors.registry.SavedFilters;
import dev.steward.vendors.registry.VendorRegistry;
import dev.steward.vendors.risk.RiskRubrics;
import jakarta.annotation.security.PermitAll;

import java.util.List;
import java.util.Map;

/**
 * The vendor registry. Query parameters pre-set filters (the dashboard's links): {@code tier}, {@code expiring} (days),
 * {@code gap=transfer}, {@code dpa=missing}.
 */
@Route("vendors")
@PageTitle("Vendor registry · Steward")
@PermitAll
@RequiresPermission(VendorPermissions.READ)
public class VendorsView extends VerticalLayout implements BeforeEnterObserver {

    final VendorGrid vendors;
    final Button add = new Button("Add vendor", VaadinIcon.PLUS.create());
    final Button exports = new Button("Exports", VaadinIcon.DOWNLOAD.create());
    final Button importCsv = new Button("Import CSV", VaadinIcon.UPLOAD.create());
    final Button rubric = new Button("Risk rubric", VaadinIcon.SLIDERS.create());

    public VendorsView(VendorList list, VendorRegistry registry, PrivacyCatalog catalog, SubProcessorList subProcessors,
                       VendorImport imports, RegistryExport everything, RiskRubrics rubrics, SavedFilters savedFilters) {
        setSizeFull();
        vendors = new VendorGrid(list, catalog.entries(CatalogKind.DATA_CATEGORY, false));
        vendors.withSavedFilters(savedFilters);
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.setVisible(CurrentUser.hasPermission(VendorPermissions.EDIT));
        add.addClickListener(e -> new VendorDialog(registry, null, saved -> getUI().ifPresent(ui -> ui.navigate("vendors/" + saved.id()))).open());
        exports.addClickListener(e -> new ExportsDialog(subProcessors, everything).open());
        importCsv.setVisible(CurrentUser.hasPermission(VendorPermissions.EDIT));
        importCsv.addClickListener(e -> new VendorImportDialog(imports, vendors::refresh).open());
        rubric.setVisible(CurrentUser.hasPermission(VendorPermissions.ADMIN));
        rubric.addClickListener(e -> new RubricDialog(rubrics).open());
        HorizontalLayout header = new HorizontalLayout(new H2("Vendor registry"), add, importCsv, exports, rubric);
        header.setAlignItems(Alignment.BASELINE);
        add(header, vendors);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> params = event.getLocation().getQueryParameters().getParameters();
        first(params, "tier").filter(v -> v.matches("[1-4]")).map(Integer::valueOf).ifPresent(vendors.tier::setValue);
        first(params, "expiring").filter(v -> v.matches("30|60|90")).map(Integer::valueOf).ifPresent(vendors.expiring::setValue);
        first(params, "gap").filter("transfer"::equals).ifPresent(v -> vendors.transferGap.setValue(true));
        first(params, "dpa").filter("missing"::equals).ifPresent(v -> vendors.missingDpa.setValue(true));
        vendors.refresh();
    }

    private static java.util.Optional<String> first(Map<String, List<String>> params, String name) {
        return params.getOrDefault(name, List.of()).stream().findFirst();
    }
}
