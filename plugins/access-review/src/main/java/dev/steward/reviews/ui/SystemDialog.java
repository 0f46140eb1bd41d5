package dev.steward.reviews.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.converter.Converter;
import dev.steward.platform.ui.Binders;
import dev.steward.platform.ui.FieldErrors;
import dev.steward.platform.ui.Toasts;
import dev.steward.platform.validation.InvalidInputException;
import dev.steward.reviews.systems.PersonChoice;
import dev.steward.reviews.systems.JoinRule;
import dev.steward.reviews.systems.SystemInfo;
import dev.steward.reviews.systems.SystemService;
import dev.steward.platform.validation.ConcurrentChangeException;

import java.util.Map;

/** Adds or edits a system, with its owner picked from the people directory. */
class SystemDialog extends Dialog {

    final TextField code = new TextField("Code");
    final TextField name = new TextField("Name");
    final ComboBox<PersonChoice> owner = new ComboBox<>("Owner");
    final Select<SystemInfo.Criticality> criticality = new Select<>();
    final Checkbox personalData = new Checkbox("Holds personal data");
    final IntegerField dormantDays = new IntegerField("Dormant after (days without login)");
    final Select<JoinRule> joinRule = new Select<>();
    final Paragraph error = new Paragraph();
    final Button save = new Button("Save");
    private final Map<String, HasValidation> fields = Map.of("code", code, "name", name, "owner", owner, "dormantAfterDays", dormantDays);
    private final Binder<SystemInfo> binder = Binders.binder(SystemInfo.class);

    SystemDialog(SystemService systems, SystemInfo existing, Runnable saved) {
        setHeaderTitle(existing == null ? "New system" : "Edit " + existing.name());
        criticality.setLabel("Criticality");
        criticality.setItems(SystemInfo.Criticality.values());
        criticality.setItemLabelGenerator(c -> c.name().charAt(0) + c.name().substring(1).toLowerCase());
        joinRule.setLabel("Match accounts to people by");
        joinRule.setItems(JoinRule.values());
        joinRule.setItemLabelGenerator(JoinRule::label);
        owner.setItems(query -> systems.ownerCandidates(query.getFilter().orElse(""), query.getOffset(), query.getLimit()).stream());
        owner.setItemLabelGenerator(PersonChoice::label);
        owner.setPlaceholder("Search people by name, email or employee id");
        owner.setHelperText("Reviews under the system-owner rule go to this person");
        owner.setClearButtonVisible(true);
        bind(systems);
        binder.readRecord(existing == null
                ? new SystemInfo(null, null, null, null, SystemInfo.Criticality.MEDIUM, false, null, JoinRule.EMPLOYEE_ID_THEN_EMAIL, 0)
                : existing);
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        add(new FormLayout(code, name, owner, criticality, personalData, dormantDays, joinRule), error);
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save(systems, saved));
        getFooter().add(new Button("Cancel", e -> close()), save);
    }

    /** Binds every field to its component of the system; the id and version are held, not shown. */
    private void bind(SystemService systems) {
        Binders.<Long>hold(binder, "id");
        Binders.<Integer>hold(binder, "version");
        binder.forField(code).withConverter(Binders.text()).bind("code");
        binder.forField(name).withConverter(Binders.text()).bind("name");
        binder.forField(owner).withConverter(Converter.<PersonChoice, Long>from(p -> p == null ? null : p.id(),
                id -> id == null ? null : systems.person(id).orElse(null), Exception::getMessage)).bind("ownerPersonId");
        binder.forField(criticality).bind("criticality");
        binder.forField(personalData).bind("personalData");
        binder.forField(dormantDays).bind("dormantAfterDays");
        binder.forField(joinRule).bind("joinRule");
    }

    private void save(SystemService systems, Runnable saved) {
        fields.values().forEach(f -> f.setInvalid(false));
        error.setText("");
        try {
            systems.save(Binders.written(binder));
        } catch (InvalidInputException ex) {
            FieldErrors.show(fields, ex).ifPresent(error::setText);
            return;
        } catch (IllegalArgumentException | ConcurrentChangeException ex) {
            error.setText(ex.getMessage());
            return;
        }
        Toasts.success(name.getValue() + " saved");
        close();
        saved.run();
    }
}
