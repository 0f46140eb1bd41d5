package dev.steward.vendors.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import dev.steward.platform.catalog.CatalogEntry;
import dev.steward.platform.catalog.CatalogKind;
import dev.steward.platform.ui.FieldErrors;
import dev.steward.platform.ui.Toasts;
import dev.steward.platform.validation.InvalidInputException;
import dev.steward.vendors.Countries;
import dev.steward.vendors.processing.Processing;
import dev.steward.vendors.processing.ProcessingForm;
import dev.steward.vendors.processing.ProvidedService;
import dev.steward.vendors.processing.Purpose;
import dev.steward.vendors.processing.Relationship;
import dev.steward.vendors.processing.TransferMechanism;
import dev.steward.vendors.processing.TransferRules;
import dev.steward.vendors.processing.Volume;
import dev.steward.platform.validation.ConcurrentChangeException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Add or edit what a service does with personal data; the transfer check is shown as the countries are chosen. */
class ProcessingDialog extends Dialog {

    final Select<Relationship> relationship = new Select<>();
    final MultiSelectComboBox<CatalogEntry> categories = new MultiSelectComboBox<>("Personal-data categories");
    final MultiSelectComboBox<CatalogEntry> subjects = new MultiSelectComboBox<>("Data subjects");
    final ComboBox<CatalogEntry> purpose = new ComboBox<>("Purpose");
    final ComboBox<CatalogEntry> legalBasis = new ComboBox<>("Legal basis");
    final Button addPurpose = new Button("Add purpose");
    final Grid<Purpose> purposes = new Grid<>();
    final Select<Volume> volume = new Select<>();
    final Checkbox special = new Checkbox("Special-category data");
    final Checkbox children = new Checkbox("Children's data");
    final MultiSelectComboBox<String> processedIn = new MultiSelectComboBox<>("Processed in");
    final MultiSelectComboBox<String> storedIn = new MultiSelectComboBox<>("Stored in");
    final Select<TransferMechanism> mechanism = new Select<>();
    final Paragraph transfer = new Paragraph();
    final TextArea notes = new TextArea("Notes");
    final Button save = new Button("Save");
    private final List<Purpose> purposeList = new ArrayList<>();
    private final Map<String, HasValidation> fields;

    ProcessingDialog(VendorUiServices services, ProvidedService service, Processing existing, Runnable onSaved) {
        setHeaderTitle((existing == null ? "Add processing to " : "Edit processing of ") + service.name());
        setWidth("min(60rem, 95vw)");
        relationship.setLabel("The vendor is our");
        relationship.setItems(Relationship.values());
        relationship.setItemLabelGenerator(r -> VendorGrid.label(r.name()));
        List<CatalogEntry> categoryEntries = services.catalog().entries(CatalogKind.DATA_CATEGORY, false);
        categories.setItems(categoryEntries);
        categories.setItemLabelGenerator(c -> c.name() + (c.specialCategory() ? " (special)" : ""));
        subjects.setItems(services.catalog().entries(CatalogKind.SUBJECT_TYPE, false));
        subjects.setItemLabelGenerator(CatalogEntry::name);
        purpose.setItems(services.catalog().entries(CatalogKind.PURPOSE, false));
        purpose.setItemLabelGenerator(CatalogEntry::name);
        legalBasis.setItems(services.catalog().entries(CatalogKind.LEGAL_BASIS, false));
        legalBasis.setItemLabelGenerator(e -> e.name() + (e.article() == null ? "" : " (" + e.article() + ")"));
        CatalogNames names = new CatalogNames(services.catalog());
        purposes.addColumn(p -> names.name(CatalogKind.PURPOSE, p.purpose())).setHeader("Purpose").setKey("purpose");
        purposes.addColumn(p -> names.name(CatalogKind.LEGAL_BASIS, p.legalBasis())).setHeader("Legal basis").setKey("legalBasis");
        purposes.addComponentColumn(p -> new Button("Remove", e -> {
            purposeList.remove(p);
            purposes.setItems(purposeList);
        }));
        purposes.setAllRowsVisible(true);
        addPurpose.addClickListener(e -> {
            if (purpose.getValue() != null && legalBasis.getValue() != null) {
                purposeList.removeIf(p -> p.purpose().equals(purpose.getValue().code()));
                purposeList.add(new Purpose(purpose.getValue().code(), legalBasis.getValue().code()));
                purposes.setItems(purposeList);
                purpose.clear();
                legalBasis.clear();
            }
        });
        volume.setLabel("Approximate number of people");
        volume.setItems(Volume.values());
        volume.setItemLabelGenerator(Volume::label);
        List<String> countries = List.of(Locale.getISOCountries());
        for (MultiSelectComboBox<String> box : List.of(processedIn, storedIn)) {
            box.setItems(countries);
            box.setItemLabelGenerator(c -> c + " " + Countries.name(c));
            box.addValueChangeListener(e -> showTransfer());
        }
        mechanism.setLabel("Transfer mechanism");
        mechanism.setItems(TransferMechanism.values());
        mechanism.setItemLabelGenerator(m -> m == null ? "None recorded" : m.label());
        mechanism.setEmptySelectionAllowed(true);
        mechanism.setEmptySelectionCaption("None recorded");
        mechanism.addValueChangeListener(e -> showTransfer());
        fields = Map.of("relationship", relationship, "dataCategories", categories, "subjectTypes", subjects, "purposes", purpose,
                "volume", volume, "processingCountries", processedIn, "storageCountries", storedIn, "notes", notes);

        FormLayout form = new FormLayout(relationship, volume, categories, subjects, processedIn, storedIn, mechanism, transfer, special, children);
        HorizontalLayout newPurpose = new HorizontalLayout(purpose, legalBasis, addPurpose);
        newPurpose.setAlignItems(FlexComponent.Alignment.BASELINE);
        notes.setWidthFull();
        add(form, newPurpose, purposes, notes);
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save(services, service, existing, onSaved));
        getFooter().add(new Button("Cancel", e -> close()), save);
        fill(existing, categoryEntries, services);
    }

    private void fill(Processing p, List<CatalogEntry> categoryEntries, VendorUiServices services) {
        if (p == null) {
            relationship.setValue(Relationship.PROCESSOR);
            volume.setValue(Volume.UNDER_1K);
            return;
        }
        relationship.setValue(p.relationship());
        volume.setValue(p.volume());
        categories.setValue(categoryEntries.stream().filter(c -> p.dataCategories().contains(c.code())).collect(Collectors.toSet()));
        subjects.setValue(services.catalog().entries(CatalogKind.SUBJECT_TYPE, true).stream().filter(c -> p.subjectTypes().contains(c.code()))
                .collect(Collectors.toSet()));
        purposeList.addAll(p.purposes());
        purposes.setItems(purposeList);
        special.setValue(p.specialCategory());
        children.setValue(p.children());
        processedIn.setValue(Set.copyOf(p.processingCountries()));
        storedIn.setValue(Set.copyOf(p.storageCountries()));
        mechanism.setValue(p.transferMechanism());
        notes.setValue(p.notes() == null ? "" : p.notes());
    }

    private void showTransfer() {
        var check = TransferRules.assess(processedIn.getValue(), storedIn.getValue(), mechanism.getValue());
        transfer.setText((check.gap() ? "Transfer gap: " : "") + check.reason());
        transfer.getStyle().set("color", check.gap() ? "var(--lumo-error-text-color)" : "var(--lumo-secondary-text-color)");
    }

    private void save(VendorUiServices services, ProvidedService service, Processing existing, Runnable onSaved) {
        FieldErrors.clear(fields);
        ProcessingForm form = new ProcessingForm(existing == null ? null : existing.id(), existing == null ? 0 : existing.version(), service.id(),
                relationship.getValue(), codes(categories.getValue()), codes(subjects.getValue()), List.copyOf(purposeList), volume.getValue(),
                special.getValue(), children.getValue(), processedIn.getValue(), storedIn.getValue(), mechanism.getValue(), notes.getValue());
        try {
            services.processing().save(form);
            close();
            onSaved.run();
        } catch (InvalidInputException e) {
            FieldErrors.show(fields, e).ifPresent(Toasts::error);
        } catch (ConcurrentChangeException e) {
            Toasts.error(e.getMessage());
        }
    }

    private static Set<String> codes(Set<CatalogEntry> entries) {
        return entries.stream().map(CatalogEntry::code).collect(Collectors.toSet());
    }
}
