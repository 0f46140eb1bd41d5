package dev.steward.incidents.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationException;
import dev.steward.incidents.Incident;
import dev.steward.incidents.IncidentForm;
import dev.steward.incidents.IncidentService;
import dev.steward.incidents.IncidentSource;
import dev.steward.incidents.IncidentType;
import dev.steward.incidents.OurRole;
import dev.steward.platform.links.EntityRef;
import dev.steward.platform.links.LinkRejectedException;
import dev.steward.platform.security.CurrentUser;
import dev.steward.platform.spi.EntityLinkProvider;
import dev.steward.platform.ui.DisplayTime;
import dev.steward.platform.ui.FieldErrors;
import dev.steward.platform.ui.Toasts;
import dev.steward.platform.validation.InvalidInputException;

import java.time.LocalDateTime;
import java.util.Map;
import java.util.function.Consumer;

/** The first facts of a new incident; the rest is filled in on the incident's page as the work goes on. */
class LogIncidentDialog extends Dialog {

    final TextField title = new TextField("Title");
    final ComboBox<IncidentType> type = new ComboBox<>("Type");
    final ComboBox<IncidentSource> source = new ComboBox<>("Reported via");
    final ComboBox<OurRole> role = new ComboBox<>("Our role for the data");
    final DateTimePicker discovered = Fields.picker("Discovered");
    final DateTimePicker aware = Fields.picker("Aware (starts the legal clocks)");
    final TextField assignee = new TextField("Assignee (user name)");
    final TextArea description = new TextArea("What happened");
    final Button save = new Button("Log incident");
    final Paragraph linkedTo = new Paragraph();
    private final Binder<IncidentForm> binder = new Binder<>();
    private EntityRef linkedRecord;

    LogIncidentDialog(IncidentService incidents, Consumer<Incident> onCreated) {
        setHeaderTitle("Log an incident");
        title.setRequired(true);
        title.setMaxLength(200);
        type.setItems(IncidentType.values());
        type.setItemLabelGenerator(IncidentType::label);
        type.setRequired(true);
        source.setItems(IncidentSource.values());
        source.setItemLabelGenerator(IncidentSource::label);
        source.setValue(IncidentSource.INTERNAL);
        role.setItems(OurRole.values());
        role.setItemLabelGenerator(r -> r == OurRole.CONTROLLER ? "Controller" : "Processor");
        role.setValue(OurRole.CONTROLLER);
        discovered.setValue(LocalDateTime.now(DisplayTime.zone()).withSecond(0).withNano(0));
        assignee.setValue(CurrentUser.username().orElse(""));
        FormLayout form = new FormLayout(title, type, source, role, discovered, aware, assignee, description);
        form.setColspan(title, 2);
        form.setColspan(description, 2);
        linkedTo.setVisible(false);
        add(linkedTo, form);

        Map<String, HasValidation> byField = Map.of("title", title, "type", type, "source", source, "ourRole", role,
                "discoveredAt", discovered, "awareAt", aware);
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        // the Binder only moves values: the rules are the service's, their problems are shown on the fields
        binder.setDefaultValidatorsEnabled(false);
        binder.forField(title).bind(IncidentForm::getTitle, IncidentForm::setTitle);
        binder.forField(type).bind(IncidentForm::getType, IncidentForm::setType);
        binder.forField(source).bind(IncidentForm::getSource, IncidentForm::setSource);
        binder.forField(role).bind(IncidentForm::getOurRole, IncidentForm::setOurRole);
        binder.forField(discovered).withConverter(Fields.instants()).bind(IncidentForm::getDiscoveredAt, IncidentForm::setDiscoveredAt);
        binder.forField(aware).withConverter(Fields.instants()).bind(IncidentForm::getAwareAt, IncidentForm::setAwareAt);
        binder.forField(assignee).bind(IncidentForm::getAssignee, IncidentForm::setAssignee);
        binder.forField(description).bind(IncidentForm::getDescription, IncidentForm::setDescription);
        save.addClickListener(e -> {
            IncidentForm facts = new IncidentForm();
            try {
                binder.writeBean(facts);
            } catch (ValidationException notPossible) {
                throw new IllegalStateException("the dialog's Binder has no validators", notPossible);
            }
            facts.setReporter(CurrentUser.username().orElse(null));
            try {
                Incident created = linkedRecord == null ? incidents.create(facts) : incidents.createLinked(facts, linkedRecord);
                close();
                onCreated.accept(created);
            } catch (InvalidInputException invalid) {
                FieldErrors.show(byField, invalid).ifPresent(Toasts::error);
            } catch (LinkRejectedException rejected) {
                linkedTo.setText(rejected.getMessage());
            }
        });
        getFooter().add(new Button("Cancel", e -> close()), save);
        setWidth("min(48rem, 95vw)");
    }

    /**
     * Opens the form for an incident that will be linked to another module's record; an outside party (a vendor)
     * makes it a vendor breach reported by the vendor.
     */
    void linkTo(EntityRef ref, String typeLabel, EntityLinkProvider.LinkTarget target, EntityLinkProvider.Kind kind) {
        linkedRecord = ref;
        linkedTo.setText("Will be linked to " + typeLabel.toLowerCase() + " " + target.title());
        linkedTo.setVisible(true);
        if (kind == EntityLinkProvider.Kind.THIRD_PARTY) {
            type.setValue(IncidentType.VENDOR_BREACH);
            source.setValue(IncidentSource.VENDOR);
            title.setValue("Breach at " + target.title());
        } else {
            title.setValue("Incident involving " + target.title());
        }
        description.setValue("Opened from " + typeLabel.toLowerCase() + " " + target.title() + ".");
    }
}
