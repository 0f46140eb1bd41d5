package dev.steward.incidents.ui;

import com.vaadin.flow.component.AbstractCompositeField;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import dev.steward.platform.catalog.CatalogEntry;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Individuals affected per jurisdiction (countries and US states from the privacy catalogue): a field whose value is
 * the counts by jurisdiction code, so that the facts' Binder reads and writes it like any other field.
 */
class ResidencyEditor extends AbstractCompositeField<VerticalLayout, ResidencyEditor, Map<String, Integer>> implements HasValidation {

    final ComboBox<CatalogEntry> jurisdiction = new ComboBox<>();
    final IntegerField residents = new IntegerField();
    final Button add = new Button("Add", VaadinIcon.PLUS.create());
    final Grid<Map.Entry<String, Integer>> grid = new Grid<>();
    private final Span error = new Span();
    private final Map<String, Integer> counts = new LinkedHashMap<>();
    private final Map<String, String> names = new LinkedHashMap<>();

    ResidencyEditor(List<CatalogEntry> jurisdictions, boolean editable) {
        super(Map.of());
        getContent().setPadding(false);
        getContent().setSpacing(false);
        jurisdictions.forEach(j -> names.put(j.code(), j.name()));
        jurisdiction.setItems(jurisdictions);
        jurisdiction.setItemLabelGenerator(j -> j.code() + " · " + j.name());
        jurisdiction.setPlaceholder("Country or US state");
        residents.setPlaceholder("Individuals");
        residents.setMin(0);
        add.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        add.addClickListener(e -> {
            if (jurisdiction.getValue() == null || residents.getValue() == null || residents.getValue() < 0) {
                setErrorMessage("Choose a jurisdiction and a number of individuals (zero or more)");
                setInvalid(true);
                return;
            }
            setInvalid(false);
            counts.put(jurisdiction.getValue().code(), residents.getValue());
            jurisdiction.clear();
            residents.clear();
            changed();
        });
        grid.addColumn(e -> e.getKey() + " · " + names.getOrDefault(e.getKey(), "")).setHeader("Jurisdiction").setFlexGrow(1);
        grid.addColumn(Map.Entry::getValue).setHeader("Individuals").setAutoWidth(true);
        if (editable) {
            grid.addComponentColumn(e -> new Button(VaadinIcon.TRASH.create(), click -> {
                counts.remove(e.getKey());
                changed();
            })).setAutoWidth(true);
        }
        grid.setAllRowsVisible(true);
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        HorizontalLayout entry = new HorizontalLayout(jurisdiction, residents, add);
        entry.setVisible(editable);
        getContent().add(new Span("Individuals affected by residence"), entry, error, grid);
    }

    @Override
    protected void setPresentationValue(Map<String, Integer> value) {
        counts.clear();
        if (value != null) {
            counts.putAll(value);
        }
        refresh();
    }

    /** For tests and quick entry: adds or replaces one jurisdiction's count. */
    void put(String code, int count) {
        counts.put(code, count);
        changed();
    }

    /** The user added or removed a count: the field's value is a copy of the counts. */
    private void changed() {
        refresh();
        setModelValue(new LinkedHashMap<>(counts), true);
    }

    private void refresh() {
        grid.setItems(List.copyOf(counts.entrySet()));
    }

    @Override
    public void setErrorMessage(String errorMessage) {
        error.setText(errorMessage);
    }

    @Override
    public String getErrorMessage() {
        return error.getText();
    }

    @Override
    public void setInvalid(boolean invalid) {
        error.setVisible(invalid);
    }

    @Override
    public boolean isInvalid() {
        return error.isVisible();
    }
}
