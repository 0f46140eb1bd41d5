package dev.steward.console.ui.people;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import dev.steward.platform.ui.Toasts;
import dev.steward.platform.people.EmploymentStatus;
import dev.steward.platform.people.InvalidPersonException;
import dev.steward.platform.people.OrgUnit;
import dev.steward.platform.people.PeopleDirectory;
import dev.steward.platform.people.Person;
import dev.steward.platform.people.PersonFilter;
import dev.steward.platform.people.PersonForm;
import dev.steward.platform.validation.ConcurrentChangeException;

import java.util.Map;

/**
 * Add or edit one person. Rule violations appear next to their field; if someone else saved the person meanwhile,
 * the dialog says so and keeps what the user typed.
 */
class PersonDialog extends Dialog {

    final TextField employeeId = new TextField("Employee id");
    final TextField fullName = new TextField("Name");
    final EmailField email = new EmailField("Email");
    final TextField title = new TextField("Title");
    final ComboBox<OrgUnit> orgUnit = new ComboBox<>("Org unit");
    final ComboBox<Person> manager = new ComboBox<>("Manager");
    final ComboBox<EmploymentStatus> status = new ComboBox<>("Status");
    final DatePicker startDate = new DatePicker("Start date");
    final DatePicker endDate = new DatePicker("End date");
    final Paragraph error = new Paragraph();
    final Button save = new Button("Save");
    private final Map<String, HasValidation> fields = Map.of("employeeId", employeeId, "fullName", fullName,
            "email", email, "managerId", manager, "status", status, "endDate", endDate);

    PersonDialog(PeopleDirectory directory, Person existing, Runnable saved) {
        setHeaderTitle(existing == null ? "Add person" : existing.fullName());
        orgUnit.setItems(directory.orgUnits());
        orgUnit.setItemLabelGenerator(o -> o.code() + " · " + o.name());
        manager.setItems(query -> directory.page(new PersonFilter(query.getFilter().orElse(""), null, null),
                PeopleDirectory.Sort.NAME, false, query.getOffset(), query.getLimit()).stream());
        manager.setItemLabelGenerator(p -> p.fullName() + " (" + p.employeeId() + ")");
        status.setItems(EmploymentStatus.values());
        status.setItemLabelGenerator(EmploymentStatus::label);
        PersonForm form = existing == null ? PersonForm.empty() : PersonForm.of(existing);
        employeeId.setValue(form.employeeId());
        fullName.setValue(form.fullName());
        email.setValue(form.email() == null ? "" : form.email());
        title.setValue(form.title() == null ? "" : form.title());
        status.setValue(form.status());
        startDate.setValue(form.startDate());
        endDate.setValue(form.endDate());
        if (existing != null) {
            directory.orgUnits().stream().filter(o -> o.id() == (existing.orgUnitId() == null ? -1 : existing.orgUnitId()))
                    .findFirst().ifPresent(orgUnit::setValue);
            if (existing.managerId() != null) {
                directory.find(existing.managerId()).ifPresent(manager::setValue);
            }
        }
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        add(new FormLayout(employeeId, fullName, email, title, orgUnit, manager, status, startDate, endDate), error);
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save(directory, form, saved));
        getFooter().add(new Button("Cancel", e -> close()), save);
    }

    private void save(PeopleDirectory directory, PersonForm original, Runnable saved) {
        fields.values().forEach(f -> f.setInvalid(false));
        error.setText("");
        PersonForm form = new PersonForm(original.id(), original.version(), employeeId.getValue(), fullName.getValue(),
                email.getValue(), title.getValue(), orgUnit.getValue() == null ? null : orgUnit.getValue().id(),
                manager.getValue() == null ? null : manager.getValue().id(), status.getValue(), startDate.getValue(),
                endDate.getValue());
        try {
            directory.save(form);
        } catch (InvalidPersonException ex) {
            for (String[] problem : ex.problems()) {
                HasValidation field = fields.get(problem[0]);
                if (field == null) {
                    error.setText(problem[1]);
                } else {
                    field.setErrorMessage(problem[1]);
                    field.setInvalid(true);
                }
            }
            return;
        } catch (ConcurrentChangeException ex) {
            error.setText(ex.getMessage());
            return;
        }
        Toasts.success("Saved " + fullName.getValue());
        saved.run();
        close();
    }
}
