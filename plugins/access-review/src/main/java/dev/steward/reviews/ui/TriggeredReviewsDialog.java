package dev.steward.reviews.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.converter.Converter;
import dev.steward.platform.ui.Binders;
import dev.steward.platform.ui.DisplayTime;
import dev.steward.platform.ui.FieldErrors;
import dev.steward.platform.ui.Toasts;
import dev.steward.platform.ui.WhoCan;
import dev.steward.platform.validation.ConcurrentChangeException;
import dev.steward.platform.validation.InvalidInputException;
import dev.steward.reviews.triggers.Trigger;
import dev.steward.reviews.triggers.TriggerSettings;
import dev.steward.reviews.triggers.TriggeredReviews;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Triggered reviews: which events launch a micro-review, when it is due and who owns it (administrators change them;
 * readers see them), and the latest triggers with what became of each.
 */
class TriggeredReviewsDialog extends Dialog {

    final Checkbox mover = new Checkbox("A person moves to another org unit: all their access, reviewed by their new manager");
    final Checkbox leaver = new Checkbox("A person is terminated: the access they still hold, reviewed by their manager");
    final Checkbox incident = new Checkbox("An incident is linked to a system: the system's privileged access (all of it on a system"
            + " with few grants), reviewed by the system owner");
    final IntegerField dueDays = new IntegerField("Due in (days)");
    final Select<String> owner = new Select<>();
    final Button save = new Button("Save settings");
    final Paragraph problem = new Paragraph();
    /** Says who changes the settings, to a user who may only read them. */
    final Paragraph whoChanges;
    final Grid<Trigger> triggers = new Grid<>();
    private final Binder<TriggerSettings> binder = Binders.binder(TriggerSettings.class);
    private final Map<String, HasValidation> fields = Map.of("dueDays", dueDays, "owner", owner);
    private final TriggeredReviews reviews;

    TriggeredReviewsDialog(TriggeredReviews reviews, WhoCan mayChange) {
        this.reviews = reviews;
        boolean canAdminister = mayChange.allowed();
        whoChanges = mayChange.note(mayChange.onlyCan("change which events trigger reviews") + "; you can read the settings and triggers.");
        setHeaderTitle("Triggered reviews");
        setWidth("min(72rem, 96vw)");
        Paragraph what = new Paragraph("A change in the people directory or a new incident link launches a small campaign over exactly"
                + " the access concerned, routed like any campaign (a would-be self-review goes to the owner). Nothing is launched when"
                + " the person holds no access; the reason is kept below.");
        dueDays.setMin(TriggerSettings.MIN_DUE_DAYS);
        dueDays.setMax(TriggerSettings.MAX_DUE_DAYS);
        dueDays.setStepButtonsVisible(true);
        dueDays.setHelperText(TriggerSettings.MIN_DUE_DAYS + " to " + TriggerSettings.MAX_DUE_DAYS + " days after the launch");
        owner.setLabel("Owner");
        owner.setHelperText("Owns the reviews, and reviews what has no reviewer");
        String fallback = reviews.currentOwner().orElse(null);
        List<String> candidates = new ArrayList<>();
        candidates.add("");
        if (canAdminister) {
            candidates.addAll(reviews.ownerCandidates());
        }
        TriggerSettings settings = reviews.settings();
        if (settings.owner() != null && !candidates.contains(settings.owner())) {
            candidates.add(settings.owner());
        }
        owner.setItems(candidates);
        String firstAdministrator = settings.owner() == null ? fallback : null;
        owner.setItemLabelGenerator(name -> name.isEmpty() ? "The first access-review administrator"
                + (firstAdministrator != null ? " (" + firstAdministrator + ")" : "") : name);
        bind();
        binder.readRecord(settings);
        // field by field: the Binder's own read-only switch would also reach the version's holder, which refuses it
        List.<com.vaadin.flow.component.HasValue<?, ?>>of(mover, leaver, incident, dueDays, owner).forEach(f -> f.setReadOnly(!canAdminister));
        mayChange.apply(save, mayChange.onlyCan("change these settings"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());

        triggers.addColumn(t -> DisplayTime.format(t.detectedAt())).setHeader("Detected").setAutoWidth(true).setFlexGrow(0);
        triggers.addColumn(t -> t.kind().label()).setHeader("Trigger").setAutoWidth(true).setFlexGrow(0);
        triggers.addColumn(Trigger::reason).setHeader("What happened").setFlexGrow(2);
        triggers.addColumn(t -> t.status().label()).setHeader("Status").setAutoWidth(true).setFlexGrow(0);
        triggers.addColumn(TriggeredReviewsDialog::outcome).setHeader("Outcome").setFlexGrow(1);
        triggers.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        triggers.setHeight("20rem");
        List<Trigger> recent = reviews.recent(200);
        triggers.setItems(recent);
        Paragraph none = new Paragraph("No trigger yet: moves, terminations and incident links appear here as they happen.");
        none.setVisible(recent.isEmpty());
        triggers.setVisible(!recent.isEmpty());

        add(what, whoChanges, new FormLayout(mover, leaver, incident, dueDays, owner), problem, new H3("Latest triggers"), none, triggers);
        getFooter().add(new Button("Close", e -> close()), save);
    }

    /** The launched campaign's name and size, or why nothing was launched. */
    static String outcome(Trigger t) {
        return switch (t.status()) {
            case PENDING -> "Launched within five minutes as " + t.campaignName();
            case LAUNCHED -> t.campaignName() + ": " + t.outcome();
            case SKIPPED, FAILED -> t.outcome() == null ? "" : t.outcome();
        };
    }

    private void bind() {
        binder.forField(mover).bind("mover");
        binder.forField(leaver).bind("leaver");
        binder.forField(incident).bind("incident");
        binder.forField(dueDays).withConverter(Converter.<Integer, Integer>from(typed -> typed == null ? 0 : typed, stored -> stored,
                Exception::getMessage)).bind("dueDays");
        binder.forField(owner).withConverter(Converter.<String, String>from(chosen -> chosen == null || chosen.isEmpty() ? null : chosen,
                stored -> stored == null ? "" : stored, Exception::getMessage)).bind("owner");
        Binders.hold(binder, "version");
    }

    private void save() {
        FieldErrors.clear(fields);
        problem.setText("");
        try {
            TriggerSettings saved = reviews.saveSettings(Binders.written(binder));
            binder.readRecord(saved);
            Toasts.success("Triggered reviews: settings saved");
        } catch (InvalidInputException invalid) {
            problem.setText(FieldErrors.show(fields, invalid).orElse(""));
        } catch (ConcurrentChangeException stale) {
            problem.setText(stale.getMessage());
        }
    }
}
