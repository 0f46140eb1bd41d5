package dev.steward.dsr.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import dev.steward.dsr.clocks.ClockRule;
import dev.steward.dsr.clocks.ClockRule.Unit;
import dev.steward.dsr.clocks.ClockRules;
import dev.steward.platform.ui.FieldErrors;
import dev.steward.platform.ui.Toasts;
import dev.steward.platform.validation.ConcurrentChangeException;
import dev.steward.platform.validation.InvalidInputException;

import java.util.Map;

/** Writes the next version of a regime's clock rule, with the reason for the change. */
class ClockRuleDialog extends Dialog {

    final IntegerField ackDays = new IntegerField("Acknowledge within (days)");
    final Checkbox ackBusinessDays = new Checkbox("Business days (US federal holidays skipped)");
    final IntegerField answerAmount = new IntegerField("Answer within");
    final Select<Unit> answerUnit = unit("Unit");
    final IntegerField extensionAmount = new IntegerField("One extension of");
    final Select<Unit> extensionUnit = unit("Unit");
    final Checkbox pauseAllowed = new Checkbox("The clock waits while verification is asked for");
    final TextField pauseCitation = new TextField("What allows the wait");
    final TextField zone = new TextField("Time zone of the deadlines");
    final TextField citation = new TextField("Citation");
    final TextArea notes = new TextArea("Notes");
    final DatePicker effectiveFrom = new DatePicker("Effective from");
    final DatePicker effectiveTo = new DatePicker("Effective to");
    final TextArea reason = new TextArea("Why it changes");
    final Paragraph error = new Paragraph();
    final Button save = new Button("Save as version");

    ClockRuleDialog(ClockRules rules, ClockRule rule, Runnable saved) {
        setHeaderTitle(rule.regime().label() + ": new version of v" + rule.version());
        ClockRule.Draft d = rule.draft();
        ackDays.setValue(d.ackDays());
        ackBusinessDays.setValue(d.ackBusinessDays());
        answerAmount.setValue(d.answerAmount());
        answerUnit.setValue(d.answerUnit() == null ? Unit.DAYS : d.answerUnit());
        extensionAmount.setValue(d.extensionAmount());
        extensionUnit.setValue(d.extensionUnit() == null ? Unit.DAYS : d.extensionUnit());
        pauseAllowed.setValue(d.pauseAllowed());
        pauseCitation.setValue(d.pauseCitation() == null ? "" : d.pauseCitation());
        zone.setValue(d.zone());
        citation.setValue(d.citation());
        notes.setValue(d.notes() == null ? "" : d.notes());
        effectiveFrom.setValue(d.effectiveFrom());
        effectiveTo.setValue(d.effectiveTo());
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        FormLayout form = new FormLayout(ackDays, ackBusinessDays, answerAmount, answerUnit, extensionAmount, extensionUnit,
                pauseAllowed, pauseCitation, zone, citation, notes, effectiveFrom, effectiveTo, reason);
        form.setColspan(notes, 2);
        form.setColspan(reason, 2);
        add(new Paragraph("Requests opened from now on follow the new version; open requests keep their dates."), form, error);
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> {
            try {
                rules.change(rule.id(), new ClockRule.Draft(ackDays.getValue(), ackBusinessDays.getValue(), answerAmount.getValue(),
                        answerUnit.getValue(), extensionAmount.getValue(), extensionUnit.getValue(), pauseAllowed.getValue(),
                        pauseCitation.getValue(), zone.getValue(), citation.getValue(), notes.getValue(), effectiveFrom.getValue(),
                        effectiveTo.getValue()), reason.getValue());
                Toasts.success(rule.regime().label() + " clock saved as a new version");
                close();
                saved.run();
            } catch (InvalidInputException invalid) {
                Map<String, HasValidation> fields = Map.of("ackDays", ackDays, "answer", answerAmount, "extension", extensionAmount,
                        "pauseCitation", pauseCitation, "zone", zone, "citation", citation, "effectiveFrom", effectiveFrom,
                        "effectiveTo", effectiveTo, "reason", reason);
                error.setText(FieldErrors.show(fields, invalid).orElse(""));
            } catch (ConcurrentChangeException stale) {
                error.setText(stale.getMessage());
            }
        });
        getFooter().add(new Button("Cancel", e -> close()), save);
    }

    private static Select<Unit> unit(String label) {
        Select<Unit> select = new Select<>();
        select.setLabel(label);
        select.setItems(Unit.values());
        select.setItemLabelGenerator(u -> u == Unit.DAYS ? "Calendar days" : "Months");
        return select;
    }
}
