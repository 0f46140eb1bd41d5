package dev.steward.vendors.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.steward.platform.export.ui.ExportDialog;
import dev.steward.platform.spi.RequiresPermission;
import dev.steward.vendors.VendorPermissions;
import dev.steward.vendors.exports.DataSharingMatrix;
import dev.steward.vendors.exports.DataSharingMatrix.Category;
import dev.steward.vendors.exports.DataSharingMatrix.Row;
import jakarta.annotation.security.PermitAll;

import java.util.List;

/** Vendors by personal-data categories: who gets which data, in one place; filter by vendor or category; CSV of it all. */
@Route("vendors/matrix")
@PageTitle("Data-sharing matrix · Steward")
@PermitAll
@RequiresPermission(VendorPermissions.READ)
public class DataSharingMatrixView extends VerticalLayout {

    final Grid<Row> grid = new Grid<>();
    final TextField vendor = new TextField();
    final ComboBox<Category> category = new ComboBox<>();
    final Button export = new Button("Export CSV", VaadinIcon.DOWNLOAD.create());
    private final DataSharingMatrix matrix;

    public DataSharingMatrixView(DataSharingMatrix matrix) {
        this.matrix = matrix;
        setSizeFull();
        List<Category> columns = matrix.columns();
        grid.addColumn(Row::vendorName).setHeader("Vendor").setKey("vendor").setFrozen(true).setAutoWidth(true);
        for (Category c : columns) {
            grid.addColumn(r -> r.categories().contains(c.code()) ? "●" : "").setHeader(c.name() + (c.special() ? " *" : ""))
                    .setKey(c.code()).setAutoWidth(true);
        }
        grid.setSizeFull();
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate("vendors/" + e.getItem().vendorId())));
        vendor.setPlaceholder("Vendor");
        vendor.setValueChangeMode(ValueChangeMode.LAZY);
        vendor.addValueChangeListener(e -> refresh());
        category.setPlaceholder("Processing the category");
        category.setItems(columns);
        category.setItemLabelGenerator(Category::name);
        category.setClearButtonVisible(true);
        category.addValueChangeListener(e -> refresh());
        export.addClickListener(e -> new ExportDialog("Data-sharing matrix", "data-sharing-matrix.csv", "text/csv", matrix.count(vendorText(), code()),
                (out, progress) -> matrix.exportCsv(vendorText(), code(), out, progress)).open());
        HorizontalLayout header = new HorizontalLayout(new H2("Data-sharing matrix"), vendor, category, export);
        header.setAlignItems(Alignment.BASELINE);
        add(header, grid);
        refresh();
    }

    void refresh() {
        String text = vendorText();
        String code = code();
        grid.setItems(q -> matrix.page(text, code, q.getOffset(), q.getLimit()).stream(), q -> matrix.count(text, code));
    }

    private String vendorText() {
        return vendor.getValue();
    }

    private String code() {
        return category.getValue() == null ? null : category.getValue().code();
    }
}
