package dev.steward.vendors.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import dev.steward.platform.ui.DisplayTime;
import dev.steward.vendors.registry.VendorHistory;

/** Every change to the vendor and its records: when, who, which record, what changed. */
class HistoryPanel extends VerticalLayout {

    final Grid<VendorHistory.Entry> grid = new Grid<>();

    HistoryPanel(VendorHistory history, long vendorId) {
        setPadding(false);
        setSizeFull();
        grid.addColumn(e -> DisplayTime.format(e.at())).setHeader("When").setAutoWidth(true);
        grid.addColumn(VendorHistory.Entry::actor).setHeader("Who").setAutoWidth(true);
        grid.addColumn(e -> e.entityType().replace('_', ' ') + " #" + e.entityId()).setHeader("Record").setAutoWidth(true);
        grid.addColumn(e -> e.action().toLowerCase()).setHeader("Change").setAutoWidth(true);
        grid.addColumn(e -> shorten(e.before())).setHeader("Before").setFlexGrow(1);
        grid.addColumn(e -> shorten(e.after())).setHeader("After").setFlexGrow(1);
        grid.setItems(history.of(vendorId));
        grid.setSizeFull();
        add(grid);
    }

    private static String shorten(String json) {
        return json == null ? "" : json.length() > 300 ? json.substring(0, 297) + "…" : json;
    }
}
