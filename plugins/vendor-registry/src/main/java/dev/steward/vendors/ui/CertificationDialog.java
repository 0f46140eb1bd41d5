package dev.steward.vendors.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import dev.steward.platform.ui.FieldErrors;
import dev.steward.platform.ui.Toasts;
import dev.steward.platform.validation.InvalidInputException;
import dev.steward.vendors.contracts.Certification;
import dev.steward.vendors.contracts.CertificationForm;
import dev.steward.vendors.contracts.CertificationType;
import dev.steward.vendors.contracts.Certifications;
import dev.steward.platform.validation.ConcurrentChangeException;

import java.util.Map;

/** Add or edit a certificate or assurance report; a SOC 2 Type II report asks for its period. */
class CertificationDialog extends Dialog {

    final Select<CertificationType> type = new Select<>();
    final TextField name = new TextField("Name (for other)");
    final DatePicker validFrom = new DatePicker("Valid from");
    final DatePicker validTo = new DatePicker("Valid until");
    final DatePicker periodStart = new DatePicker("Report period from");
    final DatePicker periodEnd = new DatePicker("Report period to");
    final Button save = new Button("Save");

    CertificationDialog(Certifications certifications, long vendorId, Certification existing, Runnable onSaved) {
        setHeaderTitle(existing == null ? "Add certification" : "Edit certification");
        type.setLabel("Certificate or report");
        type.setItems(CertificationType.values());
        type.setItemLabelGenerator(CertificationType::label);
        type.addValueChangeListener(e -> {
            boolean soc2 = e.getValue() == CertificationType.SOC2_TYPE2;
            periodStart.setVisible(soc2);
            periodEnd.setVisible(soc2);
            name.setVisible(e.getValue() == CertificationType.OTHER);
        });
        Map<String, HasValidation> fields = Map.of("name", name, "validFrom", validFrom, "validTo", validTo, "periodStart", periodStart,
                "periodEnd", periodEnd);
        add(new FormLayout(type, name, validFrom, validTo, periodStart, periodEnd));
        type.setValue(existing == null ? CertificationType.ISO_27001 : existing.type());
        if (existing != null) {
            name.setValue(existing.name() == null ? "" : existing.name());
            validFrom.setValue(existing.validFrom());
            validTo.setValue(existing.validTo());
            periodStart.setValue(existing.periodStart());
            periodEnd.setValue(existing.periodEnd());
        }
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> {
            FieldErrors.clear(fields);
            try {
                certifications.save(new CertificationForm(existing == null ? null : existing.id(), existing == null ? 0 : existing.version(), vendorId,
                        type.getValue(), name.getValue(), validFrom.getValue(), validTo.getValue(), periodStart.getValue(), periodEnd.getValue()));
                close();
                onSaved.run();
            } catch (InvalidInputException ex) {
                FieldErrors.show(fields, ex).ifPresent(Toasts::error);
            } catch (ConcurrentChangeException ex) {
                Toasts.error(ex.getMessage());
            }
        });
        getFooter().add(new Button("Cancel", e -> close()), save);
    }
}
