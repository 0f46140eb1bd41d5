package dev.steward.incidents.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import dev.steward.incidents.Incident;
import dev.steward.incidents.IncidentForm;
import dev.steward.incidents.IncidentPermissions;
import dev.steward.incidents.IncidentService;
import dev.steward.incidents.IncidentSource;
import dev.steward.incidents.IncidentType;
import dev.steward.incidents.OurRole;
import dev.steward.incidents.Phase;
import dev.steward.platform.catalog.CatalogEntry;
import dev.steward.platform.catalog.CatalogKind;
import dev.steward.platform.catalog.PrivacyCatalog;
import dev.steward.platform.security.CurrentUser;
import dev.steward.platform.ui.FieldErrors;
import dev.steward.platform.ui.Toasts;
import dev.steward.platform.validation.InvalidInputException;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The incident's facts: what, when, who and the impact. Saving recomputes the notification obligations. */
class FactsPanel extends VerticalLayout {

    final TextField title = new TextField("Title");
    final TextArea description = new TextArea("Description");
    final ComboBox<IncidentType> type = new ComboBox<>("Type");
    final ComboBox<IncidentSource> source = new ComboBox<>("Reported via");
    final ComboBox<OurRole> role = new ComboBox<>("Our role for the data");
    final TextField reporter = new TextField("Reporter");
    final TextField assignee = new TextField("Assignee");
    final TextField responders = new TextField("Responders (comma-separated user names)");
    final DateTimePicker occurredFrom = Fields.picker("Occurred from (if known)");
    final DateTimePicker occurredTo = Fields.picker("Occurred until (if known)");
    final DateTimePicker discovered = Fields.picker("Discovered");
    final DateTimePicker aware = Fields.picker("Aware (starts the legal clocks)");
    final DateTimePicker determined = Fields.picker("Breach determined (US state clocks)");
    final DateTimePicker contained = Fields.picker("Contained");
    final Checkbox confidentiality = new Checkbox("Confidentiality");
    final Checkbox integrity = new Checkbox("Integrity");
    final Checkbox availability = new Checkbox("Availability");
    final TextArea systems = new TextArea("Systems affected");
    final MultiSelectComboBox<CatalogEntry> dataCategories = new MultiSelectComboBox<>("Personal-data categories");
    final MultiSelectComboBox<CatalogEntry> subjectTypes = new MultiSelectComboBox<>("Data-subject types");
    final IntegerField individuals = new IntegerField("Individuals affected (approx.)");
    final IntegerField records = new IntegerField("Records affected (approx.)");
    final ResidencyEditor residency;
    final Checkbox phi = new Checkbox("Protected health information (HIPAA)");
    final Checkbox encrypted = new Checkbox("Data was encrypted");
    final Checkbox keyCompromised = new Checkbox("The key was compromised");
    final TextArea consequences = new TextArea("Likely consequences");
    final TextArea measuresTaken = new TextArea("Measures taken");
    final TextArea measuresProposed = new TextArea("Measures proposed");
    final TextArea lessons = new TextArea("Lessons learned");
    final Button save = new Button("Save facts");

    FactsPanel(IncidentService incidents, PrivacyCatalog catalog, Incident incident, Runnable saved) {
        setPadding(false);
        boolean editable = CurrentUser.hasPermission(IncidentPermissions.WORK) && incident.phase() != Phase.CLOSED;
        residency = new ResidencyEditor(usable(catalog.entries(CatalogKind.JURISDICTION, true), incident.facts().getResidents().keySet()), editable);
        type.setItems(IncidentType.values());
        type.setItemLabelGenerator(IncidentType::label);
        source.setItems(IncidentSource.values());
        source.setItemLabelGenerator(IncidentSource::label);
        role.setItems(OurRole.values());
        role.setItemLabelGenerator(r -> r == OurRole.CONTROLLER ? "Controller" : "Processor");
        List<CatalogEntry> categories = usable(catalog.entries(CatalogKind.DATA_CATEGORY, true), incident.facts().getDataCategories());
        List<CatalogEntry> subjects = usable(catalog.entries(CatalogKind.SUBJECT_TYPE, true), incident.facts().getSubjectTypes());
        dataCategories.setItems(categories);
        dataCategories.setItemLabelGenerator(FactsPanel::name);
        subjectTypes.setItems(subjects);
        subjectTypes.setItemLabelGenerator(FactsPanel::name);
        individuals.setMin(0);
        records.setMin(0);
        show(incident.facts(), categories, subjects);

        FormLayout what = new FormLayout(title, type, source, role, reporter, assignee, responders, description);
        what.setColspan(title, 2);
        what.setColspan(description, 2);
        FormLayout when = new FormLayout(occurredFrom, occurredTo, discovered, aware, determined, contained);
        FormLayout impact = new FormLayout(confidentiality, integrity, availability, phi, encrypted, keyCompromised,
                dataCategories, subjectTypes, individuals, records, systems, consequences, measuresTaken, measuresProposed, lessons);
        add(new H4("What"), what, new H4("When"), when, new H4("Impact"), impact, residency, save);

        Map<String, HasValidation> byField = Map.ofEntries(Map.entry("title", title), Map.entry("type", type),
                Map.entry("source", source), Map.entry("ourRole", role), Map.entry("occurredFrom", occurredFrom),
                Map.entry("occurredTo", occurredTo), Map.entry("discoveredAt", discovered), Map.entry("awareAt", aware),
                Map.entry("determinedAt", determined), Map.entry("containedAt", contained),
                Map.entry("individuals", individuals), Map.entry("records", records), Map.entry("residents", residency),
                Map.entry("dataCategories", dataCategories), Map.entry("subjectTypes", subjectTypes));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setVisible(editable);
        save.addClickListener(e -> {
            try {
                FieldErrors.clear(byField);
                incidents.update(incident.id(), incident.version(), read());
                Toasts.success("Facts saved; notification obligations recomputed");
                saved.run();
            } catch (InvalidInputException invalid) {
                FieldErrors.show(byField, invalid).ifPresent(Toasts::error);
            }
        });
        if (!editable) {
            List.<HasValue<?, ?>>of(title, description, type, source, role, reporter, assignee, responders, occurredFrom,
                    occurredTo, discovered, aware, determined, contained, confidentiality, integrity, availability, systems,
                    dataCategories, subjectTypes, individuals, records, phi, encrypted, keyCompromised, consequences,
                    measuresTaken, measuresProposed, lessons).forEach(f -> f.setReadOnly(true));
        }
    }

    private void show(IncidentForm f, List<CatalogEntry> categories, List<CatalogEntry> subjects) {
        title.setValue(text(f.getTitle()));
        description.setValue(text(f.getDescription()));
        type.setValue(f.getType());
        source.setValue(f.getSource());
        role.setValue(f.getOurRole());
        reporter.setValue(text(f.getReporter()));
        assignee.setValue(text(f.getAssignee()));
        responders.setValue(String.join(", ", f.getResponders()));
        Fields.set(occurredFrom, f.getOccurredFrom());
        Fields.set(occurredTo, f.getOccurredTo());
        Fields.set(discovered, f.getDiscoveredAt());
        Fields.set(aware, f.getAwareAt());
        Fields.set(determined, f.getDeterminedAt());
        Fields.set(contained, f.getContainedAt());
        confidentiality.setValue(f.isConfidentiality());
        integrity.setValue(f.isIntegrity());
        availability.setValue(f.isAvailability());
        systems.setValue(text(f.getSystemsAffected()));
        dataCategories.setValue(selected(categories, f.getDataCategories()));
        subjectTypes.setValue(selected(subjects, f.getSubjectTypes()));
        individuals.setValue(f.getIndividuals());
        records.setValue(f.getRecords() == null ? null : (int) Math.min(Integer.MAX_VALUE, f.getRecords()));
        residency.setValue(f.getResidents());
        phi.setValue(f.isPhi());
        encrypted.setValue(f.isEncrypted());
        keyCompromised.setValue(f.isKeyCompromised());
        consequences.setValue(text(f.getConsequences()));
        measuresTaken.setValue(text(f.getMeasuresTaken()));
        measuresProposed.setValue(text(f.getMeasuresProposed()));
        lessons.setValue(text(f.getLessonsLearned()));
    }

    IncidentForm read() {
        IncidentForm f = IncidentForm.of(title.getValue(), type.getValue(), source.getValue(), role.getValue(), Fields.instant(discovered));
        f.setDescription(description.getValue());
        f.setReporter(reporter.getValue());
        f.setAssignee(assignee.getValue());
        f.setResponders(Arrays.stream(responders.getValue().split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList());
        f.setOccurredFrom(Fields.instant(occurredFrom));
        f.setOccurredTo(Fields.instant(occurredTo));
        f.setAwareAt(Fields.instant(aware));
        f.setDeterminedAt(Fields.instant(determined));
        f.setContainedAt(Fields.instant(contained));
        f.setConfidentiality(confidentiality.getValue());
        f.setIntegrity(integrity.getValue());
        f.setAvailability(availability.getValue());
        f.setSystemsAffected(systems.getValue());
        f.setDataCategories(codes(dataCategories.getValue()));
        f.setSubjectTypes(codes(subjectTypes.getValue()));
        f.setIndividuals(individuals.getValue());
        f.setRecords(records.getValue() == null ? null : records.getValue().longValue());
        f.setResidents(residency.getValue());
        f.setPhi(phi.getValue());
        f.setEncrypted(encrypted.getValue());
        f.setKeyCompromised(keyCompromised.getValue());
        f.setConsequences(consequences.getValue());
        f.setMeasuresTaken(measuresTaken.getValue());
        f.setMeasuresProposed(measuresProposed.getValue());
        f.setLessonsLearned(lessons.getValue());
        return f;
    }

    /** Entries a user may pick, plus retired ones the incident already uses (so a save keeps them). */
    private static List<CatalogEntry> usable(List<CatalogEntry> entries, Set<String> inUse) {
        return entries.stream().filter(e -> !e.retired() || inUse.contains(e.code())).toList();
    }

    private static String name(CatalogEntry entry) {
        return entry.retired() ? entry.name() + " (retired)" : entry.name();
    }

    private static Set<CatalogEntry> selected(List<CatalogEntry> entries, Set<String> codes) {
        return entries.stream().filter(e -> codes.contains(e.code())).collect(Collectors.toSet());
    }

    private static Set<String> codes(Set<CatalogEntry> entries) {
        return entries.stream().map(CatalogEntry::code).collect(Collectors.toSet());
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }
}
