package dev.steward.vendors.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import dev.steward.platform.ui.Toasts;
import dev.steward.platform.validation.InvalidInputException;
import dev.steward.vendors.registry.PersonChoice;
import dev.steward.vendors.registry.Vendor;
import dev.steward.vendors.risk.AssessmentForm;
import dev.steward.vendors.risk.FindingForm;
import dev.steward.vendors.risk.InherentRisk;

import java.util.List;

/** Record an assessment: residual tier, summary and (optionally) one finding to remediate. */
class AssessmentDialog extends Dialog {

    final Select<Integer> residualTier = new Select<>();
    final TextArea summary = new TextArea("Summary");
    final TextField findingTitle = new TextField("Finding (optional)");
    final Select<FindingForm.Severity> severity = new Select<>();
    final ComboBox<PersonChoice> findingOwner = new ComboBox<>("Remediation owner");
    final DatePicker findingDue = new DatePicker("Due");
    final Button save = new Button("Save assessment");

    AssessmentDialog(VendorUiServices services, Vendor vendor, InherentRisk risk, Runnable onSaved) {
        setHeaderTitle("Assess " + vendor.legalName());
        residualTier.setLabel("Residual tier");
        residualTier.setItems(1, 2, 3, 4);
        residualTier.setValue(risk.tier());
        severity.setLabel("Severity");
        severity.setItems(FindingForm.Severity.values());
        severity.setItemLabelGenerator(s -> VendorGrid.label(s.name()));
        severity.setValue(FindingForm.Severity.MEDIUM);
        findingOwner.setItems(q -> services.vendors().ownerCandidates(q.getFilter().orElse(""), q.getOffset(), q.getLimit()).stream());
        findingOwner.setItemLabelGenerator(PersonChoice::toString);
        summary.setWidthFull();
        add(new Paragraph("Inherent risk " + risk.score() + "/100 gives tier " + risk.tier() + "; set the residual tier after controls."),
                new FormLayout(residualTier, summary, findingTitle, severity, findingOwner, findingDue));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> {
            List<FindingForm> findings = findingTitle.getValue().isBlank() ? List.of()
                    : List.of(new FindingForm(findingTitle.getValue(), severity.getValue(),
                    findingOwner.getValue() == null ? null : findingOwner.getValue().id(), findingDue.getValue()));
            try {
                services.assessments().assess(new AssessmentForm(vendor.id(), residualTier.getValue(), summary.getValue(), findings));
                close();
                onSaved.run();
            } catch (InvalidInputException ex) {
                Toasts.error(ex.getMessage());
            }
        });
        getFooter().add(new Button("Cancel", e -> close()), save);
    }
}
