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
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.converter.Converter;
import dev.steward.incidents.RiskLevel;
import dev.steward.incidents.obligations.NotificationRule;
import dev.steward.incidents.obligations.NotificationRule.ClockStart;
import dev.steward.incidents.obligations.NotificationRule.DeadlineKind;
import dev.steward.incidents.obligations.NotificationRule.RecipientKind;
import dev.steward.incidents.obligations.RuleService;
import dev.steward.platform.ui.Binders;
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
    private final Binder<NotificationRule> binder = Binders.binder(NotificationRule.class);

    RuleDialog(RuleService rules, NotificationRule existing, Runnable done) {
        setHeaderTitle(existing == null ? "Add a notification rule" : "Correct " + existing.key() + " (v" + existing.version() + ")");
        recipientKind.setLabel("Recipient kind");
        recipientKind.setItems(RecipientKind.values());
        recipientKind.setItemLabelGenerator(RecipientKind::label);
        minRisk.setLabel("Risk needed");
        minRisk.setItems(Optional.empty(), Optional.of(RiskLevel.RISK), Optional.of(RiskLevel.HIGH_RISK));
        minRisk.setItemLabelGenerator(r -> r.map(RiskLevel::label).orElse("Any"));
        role.setLabel("Whose duty");
        role.setItems("CONTROLLER", "PROCESSOR", "ANY");
        role.setItemLabelGenerator(NotificationRule::roleLabel);
        deadlineKind.setLabel("Deadline");
        deadlineKind.setItems(DeadlineKind.values());
        deadlineKind.setItemLabelGenerator(DeadlineKind::label);
        clockStart.setLabel("Clock starts at");
        clockStart.setItems(ClockStart.values());
        clockStart.setItemLabelGenerator(ClockStart::label);
        zone.setItems(ZoneId.getAvailableZoneIds().stream().sorted().toList());
        bind();
        binder.readRecord(existing == null ? blank() : existing);
        key.setReadOnly(existing != null);
        FormLayout form = new FormLayout(key, regime, recipient, recipientKind, jurisdiction, role, minAffected, maxAffected, minRisk,
                phiOnly, encryptionExempt, deadlineKind, amount, target, clockStart, afterRule, zone, citation, effectiveFrom,
                effectiveTo, notes, reason);
        form.setColspan(notes, 2);
        form.setColspan(reason, 2);
        add(form);
        save.setText(existing == null ? "Add rule" : "Save as v" + (existing.version() + 1));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> {
            if (reason.getValue().isBlank()) { // the service refuses it too; here it is said on the field
                reason.setErrorMessage("Say why the rule is added or corrected (kept in the history and the audit log)");
                reason.setInvalid(true);
                reason.focus();
                return;
            }
            reason.setInvalid(false);
            NotificationRule rule = read();
            NotificationRule saved = existing == null ? rules.add(rule, reason.getValue()) : rules.correct(existing.id(), rule, reason.getValue());
            Toasts.success(saved.key() + " v" + saved.version() + " saved; open incidents' proposals follow it");
            close();
            done.run();
        });
        getFooter().add(new Button("Cancel", e -> close()), save);
        setWidth("min(60rem, 95vw)");
    }

    /**
     * Binds every field to its component of the rule. The id, version and superseding version are held, not shown: the
     * service numbers the version it writes, and corrects the rule whose id it is given.
     */
    private void bind() {
        Binders.<Long>hold(binder, "id");
        Binders.<Integer>hold(binder, "version");
        Binders.<Long>hold(binder, "supersededBy");
        binder.forField(key).withConverter(Binders.text()).bind("key");
        binder.forField(regime).withConverter(Binders.text()).bind("regime");
        binder.forField(recipient).withConverter(Binders.text()).bind("recipient");
        binder.forField(recipientKind).bind("recipientKind");
        binder.forField(jurisdiction).withConverter(Binders.text()).bind("jurisdiction");
        binder.forField(minAffected).bind("minAffected");
        binder.forField(maxAffected).bind("maxAffected");
        binder.forField(minRisk).withConverter(Converter.<Optional<RiskLevel>, RiskLevel>from(picked -> picked.orElse(null),
                Optional::ofNullable, Exception::getMessage)).bind("minRisk");
        binder.forField(phiOnly).bind("phiOnly");
        binder.forField(encryptionExempt).bind("encryptionExempt");
        binder.forField(role).bind("role");
        binder.forField(deadlineKind).bind("deadlineKind");
        binder.forField(amount).bind("deadlineAmount");
        binder.forField(target).bind("internalTargetHours");
        binder.forField(clockStart).bind("clockStart");
        binder.forField(afterRule).withConverter(Binders.text()).bind("afterRuleKey");
        binder.forField(zone).withConverter(Converter.<String, ZoneId>from(id -> id == null ? null : ZoneId.of(id),
                z -> z == null ? null : z.getId(), Exception::getMessage)).bind("zone");
        binder.forField(citation).withConverter(Binders.text()).bind("citation");
        // blank notes are no notes
        binder.forField(notes).withConverter(Converter.<String, String>from(typed -> typed.isBlank() ? null : typed,
                stored -> stored == null ? "" : stored, Exception::getMessage)).bind("notes");
        binder.forField(effectiveFrom).bind("effectiveFrom");
        binder.forField(effectiveTo).bind("effectiveTo");
    }

    /** What a new rule's form starts with: a controller's duty, calendar days in UTC, any risk. */
    private static NotificationRule blank() {
        return new NotificationRule(null, null, 0, null, null, null, null, null, null, null, false, false, "CONTROLLER", null, null,
                null, null, null, ZoneId.of("UTC"), null, null, null, null, null);
    }

    /** The rule as typed. */
    NotificationRule read() {
        return Binders.written(binder);
    }
}
