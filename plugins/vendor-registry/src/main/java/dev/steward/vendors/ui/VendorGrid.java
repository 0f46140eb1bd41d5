package dev.steward.vendors.ui;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.QuerySortOrder;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.value.ValueChangeMode;
import dev.steward.platform.catalog.CatalogEntry;
import dev.steward.vendors.registry.VendorFilter;
import dev.steward.vendors.registry.VendorList;
import dev.steward.vendors.registry.VendorRow;
import dev.steward.vendors.registry.VendorStatus;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The vendor grid with its filters; sorting, filtering and paging run in SQL. */
class VendorGrid extends VerticalLayout {

    final Grid<VendorRow> grid = new Grid<>();
    final TextField text = new TextField();
    final Select<Integer> tier = new Select<>();
    final Select<VendorStatus> status = new Select<>();
    final ComboBox<CatalogEntry> category = new ComboBox<>();
    final ComboBox<String> country = new ComboBox<>();
    final Select<Integer> expiring = new Select<>();
    final Checkbox missingDpa = new Checkbox("Missing DPA");
    final Checkbox transferGap = new Checkbox("Transfer gap");
    private final VendorList vendors;
    private final List<CatalogEntry> categories;
    private final FlexLayout filters;
    /** Set while a saved filter fills the fields, so that the grid reloads once, not per field. */
    private boolean applying;
    private SavedFilterBar savedBar;
    boolean mineOnly;

    VendorGrid(VendorList vendors, List<CatalogEntry> categories) {
        this.vendors = vendors;
        this.categories = categories;
        setPadding(false);
        setSizeFull();
        text.setPlaceholder("Name");
        text.setValueChangeMode(ValueChangeMode.LAZY);
        tier.setLabel("Tier");
        tier.setItems(1, 2, 3, 4);
        tier.setEmptySelectionAllowed(true);
        tier.setEmptySelectionCaption("Any");
        tier.setItemLabelGenerator(t -> t == null ? "Any" : "Tier " + t);
        status.setLabel("Status");
        status.setItems(VendorStatus.values());
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption("Any");
        status.setItemLabelGenerator(s -> s == null ? "Any" : label(s.name()));
        category.setLabel("Data category");
        category.setItems(categories);
        category.setItemLabelGenerator(CatalogEntry::name);
        category.setClearButtonVisible(true);
        country.setLabel("Country");
        country.setItems(List.of(Locale.getISOCountries()));
        country.setItemLabelGenerator(c -> c + " " + dev.steward.vendors.Countries.name(c));
        country.setClearButtonVisible(true);
        expiring.setLabel("Expiring within");
        expiring.setItems(30, 60, 90);
        expiring.setEmptySelectionAllowed(true);
        expiring.setEmptySelectionCaption("Any time");
        expiring.setItemLabelGenerator(d -> d == null ? "Any time" : d + " days");
        text.addValueChangeListener(e -> refresh());
        tier.addValueChangeListener(e -> refresh());
        status.addValueChangeListener(e -> refresh());
        category.addValueChangeListener(e -> refresh());
        country.addValueChangeListener(e -> refresh());
        expiring.addValueChangeListener(e -> refresh());
        missingDpa.addValueChangeListener(e -> refresh());
        transferGap.addValueChangeListener(e -> refresh());

        grid.addColumn(r -> r.tradingName() == null ? r.legalName() : r.tradingName() + " (" + r.legalName() + ")").setHeader("Vendor")
                .setKey("name").setSortProperty("NAME").setFlexGrow(1);
        grid.addColumn(r -> label(r.status().name())).setHeader("Status").setSortProperty("STATUS").setAutoWidth(true);
        grid.addColumn(r -> r.tier() == null ? "not assessed" : "Tier " + r.tier()).setHeader("Tier").setKey("tier").setSortProperty("TIER")
                .setAutoWidth(true);
        grid.addColumn(r -> label(r.criticality().name())).setHeader("Criticality").setAutoWidth(true);
        grid.addColumn(r -> r.ownerName() == null ? "" : r.ownerName()).setHeader("Business owner").setAutoWidth(true);
        grid.addColumn(r -> r.hqCountry() == null ? "" : r.hqCountry()).setHeader("HQ").setAutoWidth(true);
        grid.addColumn(r -> r.nextReviewOn() == null ? "" : r.nextReviewOn().toString()).setHeader("Next review").setSortProperty("NEXT_REVIEW")
                .setAutoWidth(true);
        grid.addComponentColumn(VendorGrid::flags).setHeader("Flags").setKey("flags").setAutoWidth(true);
        grid.setSizeFull();
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate((mineOnly ? "vendors/mine/" : "vendors/") + e.getItem().id())));

        filters = new FlexLayout(text, tier, status, category, country, expiring, missingDpa, transferGap);
        filters.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        filters.setAlignItems(Alignment.BASELINE);
        filters.getStyle().set("gap", "var(--lumo-space-s)");
        add(filters, grid);
    }

    /** Adds the user's saved filters to the filter bar. */
    void withSavedFilters(dev.steward.vendors.registry.SavedFilters saved) {
        savedBar = new SavedFilterBar(saved, this);
        filters.add(savedBar);
    }

    /** Shows a saved filter: sets every field (a category no longer in the catalogue is left out) and reloads once. */
    void apply(VendorFilter f) {
        applying = true;
        try {
            text.setValue(f.text() == null ? "" : f.text());
            tier.setValue(f.tier());
            status.setValue(f.status());
            category.setValue(categories.stream().filter(c -> c.code().equals(f.dataCategory())).findFirst().orElse(null));
            country.setValue(f.country());
            expiring.setValue(f.expiringWithinDays());
            missingDpa.setValue(f.missingDpa());
            transferGap.setValue(f.transferGap());
        } finally {
            applying = false;
        }
        refresh();
    }

    VendorFilter filter() {
        return new VendorFilter(text.getValue().isBlank() ? null : text.getValue().strip(), tier.getValue(), status.getValue(), category.getValue() == null ? null : category.getValue().code(),
                country.getValue(), expiring.getValue(), missingDpa.getValue(), transferGap.getValue(), mineOnly);
    }

    void refresh() {
        if (applying) {
            return;
        }
        VendorFilter filter = filter();
        if (savedBar != null) {
            savedBar.filterChanged(filter);
        }
        grid.setItems(query -> {
            VendorList.Sort sort = VendorList.Sort.NAME;
            boolean descending = false;
            if (!query.getSortOrders().isEmpty()) {
                QuerySortOrder order = query.getSortOrders().getFirst();
                sort = VendorList.Sort.valueOf(order.getSorted());
                descending = order.getDirection() == SortDirection.DESCENDING;
            }
            return vendors.page(filter, sort, descending, query.getOffset(), query.getLimit()).stream();
        }, query -> vendors.count(filter));
    }

    private static Span flags(VendorRow r) {
        List<String> flags = new ArrayList<>();
        if (r.dpaGap()) {
            flags.add("no DPA in force");
        }
        if (r.transferGap()) {
            flags.add("transfer gap");
        }
        if (r.specialCategory()) {
            flags.add("special-category data");
        }
        if (r.reviewOverdue(LocalDate.now())) {
            flags.add("review overdue");
        }
        if (r.openTasks() > 0) {
            flags.add("reassess");
        }
        Span span = new Span(String.join(" · ", flags));
        if (r.dpaGap() || r.transferGap() || r.openTasks() > 0) {
            span.getStyle().set("color", "var(--lumo-error-text-color)");
        }
        return span;
    }

    static String label(String enumName) {
        String s = enumName.replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
