package dev.steward.incidents.ui;

import com.vaadin.flow.component.HasValidation;
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
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationException;
import com.vaadin.flow.data.converter.Converter;
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
import dev.steward.platform.ui.Binders;
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
    private final Binder<IncidentForm> binder = new Binder<>();

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
        bind(categories, subjects);
        binder.readBean(incident.facts());

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
                IncidentForm facts = read();
                // not on the form, but the incident's: the id the reporting system (SIEM, intake API) knows it by
                facts.setExternalRef(incident.facts().getExternalRef());
                incidents.update(incident.id(), incident.version(), facts);
                Toasts.success("Facts saved; notification obligations recomputed");
                saved.run();
            } catch (InvalidInputException invalid) {
                FieldErrors.show(byField, invalid).ifPresent(Toasts::error);
            }
        });
        binder.setReadOnly(!editable);
    }

    /**
     * Binds every field to its property of the facts. The Binder only moves values: the rules are the service's, and
     * their problems come back as an {@link InvalidInputException} shown on the fields ({@link FieldErrors}).
     */
    private void bind(List<CatalogEntry> categories, List<CatalogEntry> subjects) {
        binder.setDefaultValidatorsEnabled(false);
        binder.forField(title).withConverter(Binders.text()).bind(IncidentForm::getTitle, IncidentForm::setTitle);
        binder.forField(description).withConverter(Binders.text()).bind(IncidentForm::getDescription, IncidentForm::setDescription);
        binder.forField(type).bind(IncidentForm::getType, IncidentForm::setType);
        binder.forField(source).bind(IncidentForm::getSource, IncidentForm::setSource);
        binder.forField(role).bind(IncidentForm::getOurRole, IncidentForm::setOurRole);
        binder.forField(reporter).withConverter(Binders.text()).bind(IncidentForm::getReporter, IncidentForm::setReporter);
        binder.forField(assignee).withConverter(Binders.text()).bind(IncidentForm::getAssignee, IncidentForm::setAssignee);
        binder.forField(responders)
                .withConverter(Converter.<String, List<String>>from(
                        typed -> Arrays.stream(typed.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList(),
                        names -> String.join(", ", names), Exception::getMessage))
                .bind(IncidentForm::getResponders, IncidentForm::setResponders);
        binder.forField(occurredFrom).withConverter(Fields.instants()).bind(IncidentForm::getOccurredFrom, IncidentForm::setOccurredFrom);
        binder.forField(occurredTo).withConverter(Fields.instants()).bind(IncidentForm::getOccurredTo, IncidentForm::setOccurredTo);
        binder.forField(discovered).withConverter(Fields.instants()).bind(IncidentForm::getDiscoveredAt, IncidentForm::setDiscoveredAt);
        binder.forField(aware).withConverter(Fields.instants()).bind(IncidentForm::getAwareAt, IncidentForm::setAwareAt);
        binder.forField(determined).withConverter(Fields.instants()).bind(IncidentForm::getDeterminedAt, IncidentForm::setDeterminedAt);
        binder.forField(contained).withConverter(Fields.instants()).bind(IncidentForm::getContainedAt, IncidentForm::setContainedAt);
        binder.forField(confidentiality).bind(IncidentForm::isConfidentiality, IncidentForm::setConfidentiality);
        binder.forField(integrity).bind(IncidentForm::isIntegrity, IncidentForm::setIntegrity);
        binder.forField(availability).bind(IncidentForm::isAvailability, IncidentForm::setAvailability);
        binder.forField(systems).withConverter(Binders.text()).bind(IncidentForm::getSystemsAffected, IncidentForm::setSystemsAffected);
        binder.forField(dataCategories).withConverter(entries(categories)).bind(IncidentForm::getDataCategories, IncidentForm::setDataCategories);
        binder.forField(subjectTypes).withConverter(entries(subjects)).bind(IncidentForm::getSubjectTypes, IncidentForm::setSubjectTypes);
        binder.forField(individuals).bind(IncidentForm::getIndividuals, IncidentForm::setIndividuals);
        binder.forField(records)
                .withConverter(Converter.<Integer, Long>from(typed -> typed == null ? null : typed.longValue(),
                        stored -> stored == null ? null : (int) Math.min(Integer.MAX_VALUE, stored), Exception::getMessage))
                .bind(IncidentForm::getRecords, IncidentForm::setRecords);
        binder.forField(residency).bind(IncidentForm::getResidents, IncidentForm::setResidents);
        binder.forField(phi).bind(IncidentForm::isPhi, IncidentForm::setPhi);
        binder.forField(encrypted).bind(IncidentForm::isEncrypted, IncidentForm::setEncrypted);
        binder.forField(keyCompromised).bind(IncidentForm::isKeyCompromised, IncidentForm::setKeyCompromised);
        binder.forField(consequences).withConverter(Binders.text()).bind(IncidentForm::getConsequences, IncidentForm::setConsequences);
        binder.forField(measuresTaken).withConverter(Binders.text()).bind(IncidentForm::getMeasuresTaken, IncidentForm::setMeasuresTaken);
        binder.forField(measuresProposed).withConverter(Binders.text())
                .bind(IncidentForm::getMeasuresProposed, IncidentForm::setMeasuresProposed);
        binder.forField(lessons).withConverter(Binders.text()).bind(IncidentForm::getLessonsLearned, IncidentForm::setLessonsLearned);
    }

    /** The facts as the fields hold them, in a new form (what the form does not show, such as the external id, is left empty: saving adds it). */
    IncidentForm read() {
        IncidentForm f = new IncidentForm();
        try {
            binder.writeBean(f);
        } catch (ValidationException notPossible) {
            throw new IllegalStateException("the facts' Binder has no validators", notPossible);
        }
        return f;
    }

    /** Catalogue entries picked in a combo box as their codes. */
    private static Converter<Set<CatalogEntry>, Set<String>> entries(List<CatalogEntry> usable) {
        return Converter.from(FactsPanel::codes, codes -> selected(usable, codes), Exception::getMessage);
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

}
