package dev.steward.vendors.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import dev.steward.platform.ui.Toasts;
import dev.steward.platform.validation.InvalidInputException;
import dev.steward.vendors.registry.SavedFilter;
import dev.steward.vendors.registry.SavedFilters;

/** The user's saved filters of the vendor grid: pick one to apply it, save the current one under a name, delete one. */
class SavedFilterBar extends HorizontalLayout {

    final ComboBox<SavedFilter> saved = new ComboBox<>("Saved filters");
    final Button save = new Button("Save filter", VaadinIcon.BOOKMARK.create());
    final Button delete = new Button(VaadinIcon.TRASH.create());
    private final SavedFilters filters;
    private final VendorGrid grid;

    SavedFilterBar(SavedFilters filters, VendorGrid grid) {
        this.filters = filters;
        this.grid = grid;
        setAlignItems(FlexComponent.Alignment.BASELINE);
        saved.setItemLabelGenerator(SavedFilter::name);
        saved.setPlaceholder("None");
        saved.setClearButtonVisible(true);
        saved.addValueChangeListener(e -> {
            delete.setEnabled(e.getValue() != null);
            if (e.getValue() != null) {
                grid.apply(e.getValue().filter());
            }
        });
        save.addClickListener(e -> askName());
        delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        delete.setAriaLabel("Delete the saved filter");
        delete.setTooltipText("Delete the saved filter");
        delete.setEnabled(false);
        delete.addClickListener(e -> {
            SavedFilter chosen = saved.getValue();
            filters.delete(chosen.id());
            Toasts.success("Deleted the filter " + chosen.name());
            reload(null);
        });
        add(saved, delete, save);
        reload(null);
    }

    /** A field changed by hand: the saved filter shown no longer describes the grid, so none is shown. */
    void filterChanged(dev.steward.vendors.registry.VendorFilter current) {
        SavedFilter shown = saved.getValue();
        if (shown != null && !shown.filter().equals(current)) {
            saved.clear();
        }
    }

    private void askName() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Save this filter");
        TextField name = new TextField("Name");
        name.setMaxLength(100);
        name.setWidthFull();
        if (saved.getValue() != null) {
            name.setValue(saved.getValue().name());
        }
        Button confirm = new Button("Save", e -> {
            try {
                SavedFilter kept = filters.save(name.getValue(), grid.filter());
                dialog.close();
                Toasts.success("Saved the filter " + kept.name());
                reload(kept);
            } catch (InvalidInputException invalid) {
                name.setInvalid(true);
                name.setErrorMessage(invalid.getMessage());
            }
        });
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(name);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), confirm);
        dialog.open();
    }

    private void reload(SavedFilter select) {
        var mine = filters.mine();
        saved.setItems(mine);
        saved.setValue(select == null ? null : mine.stream().filter(f -> f.id() == select.id()).findFirst().orElse(null));
    }
}
