package dev.steward.incidents.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import dev.steward.incidents.RiskLevel;
import dev.steward.incidents.obligations.NotificationRule;
import dev.steward.incidents.obligations.NotificationRule.ClockStart;
import dev.steward.incidents.obligations.NotificationRule.DeadlineKind;
import dev.steward.incidents.obligations.NotificationRule.RecipientKind;
import dev.steward.incidents.obligations.RuleService;
import dev.steward.platform.ui.Toasts;

import java.time.ZoneId;
import java.util.Optional;

/** Adds a rule, or corrects one (which writes its next version). */
class RuleDialog extends Dialog {

    final TextField key = new TextField("Key");
    final TextField regime = new TextField("Regime");
    final TextField recipient = new TextField("Recipient");
    final Select<RecipientKind> recipientKind = new Select<>();
    final TextField jurisdiction = new TextField("Jurisdiction (code, EEA, US, US-* or *)");
    final IntegerField minAffected = new IntegerField("At least this many affected");
    final IntegerField maxAffected = new IntegerField("At most this many affected");
    final Select<Optional<RiskLevel>> minRisk = new Select<>();
    final Checkbox phiOnly = new Checkbox("Only for PHI");
    final Checkbox encryptionExempt = new Checkbox("Not owed when encrypted with a safe key");
    final Select<String> role = new Select<>();
    final Select<DeadlineKind> deadlineKind = new Select<>();
    final IntegerField amount = new IntegerField("Hours or days");
    final IntegerField target = new IntegerField("Internal target (hours, for 'without undue delay')");
    final Select<ClockStart> clockStart = new Select<>();
    final TextField afterRule = new TextField("Clock starts after the notice of rule (key)");
    final ComboBox<String> zone = new ComboBox<>("Time zone for calendar days");
    final TextField citation = new TextField("Citation");
    final TextArea notes = new TextArea("Notes");
    final DatePicker effectiveFrom = new DatePicker("Effective from");
    final DatePicker effectiveTo = new DatePicker("Effective to (optional)");
    final TextArea reason = new TextArea("Why this change (kept in the rule history and the audit log)");
    final Button save = new Button();

    RuleDialog(RuleService rules, NotificationRule existing, Runnable done) {
        setHeaderTitle(existing == null ? "Add a notification rule" : "Correct " + existing.key() + " (v" + existing.version() + ")");
        recipientKind.setLabel("Recipient kind");
        recipientKind.setItems(RecipientKind.values());
        minRisk.setLabel("Risk needed");
        minRisk.setItems(Optional.empty(), Optional.of(RiskLevel.RISK), Optional.of(RiskLevel.HIGH_RISK));
        minRisk.setItemLabelGenerator(r -> r.map(RiskLevel::label).orElse("Any"));
        minRisk.setValue(Optional.empty());
        role.setLabel("Whose duty");
        role.setItems("CONTROLLER", "PROCESSOR", "ANY");
        role.setValue("CONTROLLER");
        deadlineKind.setLabel("Deadline");
        deadlineKind.setItems(DeadlineKind.values());
        clockStart.setLabel("Clock starts at");
        clockStart.setItems(ClockStart.values());
        zone.setItems(ZoneId.getAvailableZoneIds().stream().sorted().toList());
        zone.setValue("UTC");
        if (existing != null) {
            fill(existing);
            key.setReadOnly(true);
        }
        FormLayout form = new FormLayout(key, regime, recipient, recipientKind, jurisdiction, role, minAffected, maxAffected, minRisk,
                phiOnly, encryptionExempt, deadlineKind, amount, target, clockStart, afterRule, zone, citation, effectiveFrom,
                effectiveTo, notes, reason);
        form.setColspan(notes, 2);
        form.setColspan(reason, 2);
        add(form);
        save.setText(existing == null ? "Add rule" : "Save as v" + (existing.version() + 1));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> {
            NotificationRule rule = read();
            NotificationRule saved = existing == null ? rules.add(rule, reason.getValue()) : rules.correct(existing.id(), rule, reason.getValue());
            Toasts.success(saved.key() + " v" + saved.version() + " saved; open incidents' proposals follow it");
            close();
            done.run();
        });
        getFooter().add(new Button("Cancel", e -> close()), save);
        setWidth("min(60rem, 95vw)");
    }

    private void fill(NotificationRule r) {
        key.setValue(r.key());
        regime.setValue(r.regime());
        recipient.setValue(r.recipient());
        recipientKind.setValue(r.recipientKind());
        jurisdiction.setValue(r.jurisdiction());
        minAffected.setValue(r.minAffected());
        maxAffected.setValue(r.maxAffected());
        minRisk.setValue(Optional.ofNullable(r.minRisk()));
        phiOnly.setValue(r.phiOnly());
        encryptionExempt.setValue(r.encryptionExempt());
        role.setValue(r.role());
        deadlineKind.setValue(r.deadlineKind());
        amount.setValue(r.deadlineAmount());
        target.setValue(r.internalTargetHours());
        clockStart.setValue(r.clockStart());
        afterRule.setValue(r.afterRuleKey() == null ? "" : r.afterRuleKey());
        zone.setValue(r.zone().getId());
        citation.setValue(r.citation());
        notes.setValue(r.notes() == null ? "" : r.notes());
        effectiveFrom.setValue(r.effectiveFrom());
        effectiveTo.setValue(r.effectiveTo());
    }

    NotificationRule read() {
        return new NotificationRule(null, key.getValue(), 0, regime.getValue(), recipient.getValue(), recipientKind.getValue(),
                jurisdiction.getValue(), minAffected.getValue(), maxAffected.getValue(), minRisk.getValue().orElse(null),
                phiOnly.getValue(), encryptionExempt.getValue(), role.getValue(), deadlineKind.getValue(), amount.getValue(),
                target.getValue(), clockStart.getValue(), afterRule.getValue(), zone.getValue() == null ? null : ZoneId.of(zone.getValue()),
                citation.getValue(), notes.getValue().isBlank() ? null : notes.getValue(), effectiveFrom.getValue(),
                effectiveTo.getValue(), null);
    }
}
