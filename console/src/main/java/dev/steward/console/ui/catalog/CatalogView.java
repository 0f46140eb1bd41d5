package dev.steward.console.ui.catalog;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.steward.platform.catalog.CatalogEntry;
import dev.steward.platform.catalog.CatalogKind;
import dev.steward.platform.catalog.PrivacyCatalog;
import dev.steward.platform.security.CurrentUser;
import dev.steward.platform.security.PlatformPermissions;
import dev.steward.platform.spi.RequiresPermission;
import jakarta.annotation.security.PermitAll;

import java.util.LinkedHashMap;
import java.util.Map;

/** The shared privacy catalogue, one tab per kind; privacy officers add, edit, retire and delete unused entries. */
@Route("catalog")
@PageTitle("Privacy catalogue · Steward")
@PermitAll
@RequiresPermission(PlatformPermissions.CATALOG_READ)
public class CatalogView extends VerticalLayout {

    final Tabs tabs = new Tabs();
    final Grid<CatalogEntry> grid = new Grid<>();
    final Checkbox showRetired = new Checkbox("Show retired");
    final Button add = new Button("Add");
    private final Map<Tab, CatalogKind> kinds = new LinkedHashMap<>();
    private final PrivacyCatalog catalog;

    public CatalogView(PrivacyCatalog catalog) {
        this.catalog = catalog;
        setSizeFull();
        for (CatalogKind kind : CatalogKind.values()) {
            Tab tab = new Tab(kind.label());
            kinds.put(tab, kind);
            tabs.add(tab);
        }
        boolean canEdit = CurrentUser.hasPermission(PlatformPermissions.CATALOG_MANAGE);
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.setVisible(canEdit);
        add.addClickListener(e -> new CatalogEntryDialog(catalog, CatalogEntry.blank(kind()), this::refresh).open());
        tabs.addSelectedChangeListener(e -> refresh());
        showRetired.addValueChangeListener(e -> refresh());
        add(new H2("Privacy catalogue"), new Paragraph("Reference data every module uses. An entry in use cannot be "
                + "deleted, only retired: retired entries disappear from pickers but stay on the records that use them."),
                tabs, new HorizontalLayout(add, showRetired));
        grid.addColumn(CatalogEntry::code).setHeader("Code").setAutoWidth(true);
        grid.addColumn(CatalogEntry::name).setHeader("Name").setAutoWidth(true);
        grid.addColumn(CatalogView::details).setHeader("Details").setFlexGrow(1);
        grid.addColumn(e -> e.retired() ? "retired" : "").setHeader("").setAutoWidth(true);
        if (canEdit) {
            grid.addItemClickListener(e -> new CatalogEntryDialog(catalog, e.getItem(), this::refresh).open());
        }
        grid.setSizeFull();
        add(grid);
        refresh();
    }

    CatalogKind kind() {
        return kinds.getOrDefault(tabs.getSelectedTab(), CatalogKind.DATA_CATEGORY);
    }

    void refresh() {
        grid.setItems(catalog.entries(kind(), showRetired.getValue()));
    }

    private static String details(CatalogEntry e) {
        return switch (e.kind()) {
            case DATA_CATEGORY -> "sensitivity " + e.sensitivity() + (e.specialCategory() ? " · special category" : "")
                    + (e.article() == null ? "" : " · " + e.article());
            case LEGAL_BASIS -> e.article() == null ? "" : e.article();
            case JURISDICTION -> (e.eea() ? "EEA" : e.euAdequacy() ? "EU adequacy" + (e.adequacyNote() == null ? "" : " (" + e.adequacyNote() + ")")
                    : e.code().startsWith("US-") ? "US state" : "third country");
            default -> e.description() == null ? "" : e.description();
        };
    }
}
