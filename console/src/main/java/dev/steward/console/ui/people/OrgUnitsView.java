package dev.steward.console.ui.people;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.steward.platform.ui.Toasts;
import dev.steward.platform.people.InvalidPersonException;
import dev.steward.platform.people.OrgUnit;
import dev.steward.platform.people.PeopleDirectory;
import dev.steward.platform.security.CurrentUser;
import dev.steward.platform.security.PlatformPermissions;
import dev.steward.platform.spi.RequiresPermission;
import dev.steward.platform.validation.ConcurrentChangeException;
import jakarta.annotation.security.PermitAll;

/** Org units (departments) and their parents; people imports create missing ones by code. */
@Route("people/org-units")
@PageTitle("Org units · Steward")
@PermitAll
@RequiresPermission(PlatformPermissions.PEOPLE_READ)
public class OrgUnitsView extends VerticalLayout {

    final Grid<OrgUnit> grid = new Grid<>();
    final Button add = new Button("Add org unit");
    private final PeopleDirectory directory;

    public OrgUnitsView(PeopleDirectory directory) {
        this.directory = directory;
        setSizeFull();
        boolean canEdit = CurrentUser.hasPermission(PlatformPermissions.PEOPLE_MANAGE);
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.setVisible(canEdit);
        add.addClickListener(e -> edit(null));
        add(new HorizontalLayout(new H2("Org units"), add));
        grid.addColumn(OrgUnit::code).setHeader("Code").setAutoWidth(true);
        grid.addColumn(OrgUnit::name).setHeader("Name").setFlexGrow(1);
        grid.addColumn(o -> o.parentCode() == null ? "" : o.parentCode()).setHeader("Part of").setAutoWidth(true);
        if (canEdit) {
            grid.addItemClickListener(e -> edit(e.getItem()));
        }
        grid.setSizeFull();
        add(grid);
        refresh();
    }

    private void refresh() {
        grid.setItems(directory.orgUnits());
    }

    void edit(OrgUnit unit) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(unit == null ? "Add org unit" : unit.code());
        TextField code = new TextField("Code");
        TextField name = new TextField("Name");
        ComboBox<OrgUnit> parent = new ComboBox<>("Part of");
        parent.setItems(directory.orgUnits().stream().filter(o -> unit == null || o.id() != unit.id()).toList());
        parent.setItemLabelGenerator(o -> o.code() + " · " + o.name());
        if (unit != null) {
            code.setValue(unit.code());
            name.setValue(unit.name());
            parent.getListDataView().getItems().filter(o -> unit.parentId() != null && o.id() == unit.parentId())
                    .findFirst().ifPresent(parent::setValue);
        }
        Paragraph error = new Paragraph();
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        Button save = new Button("Save", e -> {
            try {
                directory.saveOrgUnit(unit == null ? null : unit.id(), unit == null ? 0 : unit.version(), code.getValue(),
                        name.getValue(), parent.getValue() == null ? null : parent.getValue().id());
                Toasts.success("Saved " + code.getValue());
                refresh();
                dialog.close();
            } catch (InvalidPersonException | ConcurrentChangeException ex) {
                error.setText(ex.getMessage());
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new FormLayout(code, name, parent), error);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        dialog.open();
    }
}
