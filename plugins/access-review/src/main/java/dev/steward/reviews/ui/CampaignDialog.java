package dev.steward.reviews.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.Result;
import com.vaadin.flow.data.binder.ValidationException;
import com.vaadin.flow.data.binder.ValueContext;
import com.vaadin.flow.data.converter.Converter;
import dev.steward.platform.ui.Binders;
import dev.steward.platform.ui.DisplayTime;
import dev.steward.platform.ui.FieldErrors;
import dev.steward.platform.ui.Toasts;
import dev.steward.platform.validation.ConcurrentChangeException;
import dev.steward.reviews.campaigns.Campaign;
import dev.steward.reviews.campaigns.CampaignForm;
import dev.steward.reviews.campaigns.CampaignService;
import dev.steward.reviews.systems.SystemInfo;
import dev.steward.platform.validation.InvalidInputException;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Defines a campaign (a draft until launched), with one to three review stages. */
class CampaignDialog extends Dialog {

    /** Who reviews in one stage, and by when. */
    static final class StageFields {
        final Select<CampaignForm.ReviewerRule> reviewerRule = new Select<>();
        final TextField namedReviewer = new TextField();
        final DatePicker due = new DatePicker();

        StageFields(int stage, LocalDate due) {
            String suffix = stage == 1 ? "" : " (stage " + stage + ")";
            reviewerRule.setLabel("Reviewer" + suffix);
            reviewerRule.setItems(CampaignForm.ReviewerRule.values());
            reviewerRule.setItemLabelGenerator(r -> switch (r) {
                case MANAGER -> "The person's manager";
                case SYSTEM_OWNER -> "The system owner";
                case NAMED -> "A named reviewer";
            });
            reviewerRule.setValue(stage == 1 ? CampaignForm.ReviewerRule.MANAGER : CampaignForm.ReviewerRule.SYSTEM_OWNER);
            namedReviewer.setLabel("Named reviewer" + suffix + ", for the named rule");
            this.due.setLabel("Due" + suffix);
            this.due.setValue(due);
        }

        void setVisible(boolean visible) {
            reviewerRule.setVisible(visible);
            namedReviewer.setVisible(visible);
            due.setVisible(visible);
        }

        CampaignForm.Stage toStage() {
            return new CampaignForm.Stage(reviewerRule.getValue(), namedReviewer.getValue(),
                    due.getValue() == null ? null : due.getValue().plusDays(1).atStartOfDay(DisplayTime.zone()).toInstant());
        }
    }

    final TextField name = new TextField("Name");
    final TextArea description = new TextArea("Description");
    final MultiSelectComboBox<SystemInfo> systems = new MultiSelectComboBox<>("Systems");
    final TextField entitlementFilter = new TextField("Entitlements like (e.g. %ADMIN%, optional)");
    final Checkbox privilegedOnly = new Checkbox("Privileged access only");
    final Checkbox flaggedOnly = new Checkbox("Flagged access only");
    final Select<Integer> stageCount = new Select<>();
    final Select<CampaignForm.StageRule> stageRule = new Select<>();
    final List<StageFields> stages = new ArrayList<>();
    final TextField fallback = new TextField("Fallback reviewer");
    final TextField reminderDays = new TextField("Remind reviewers (days before due, e.g. 7, 3, 1)");
    final Select<CampaignForm.Escalation> escalation = new Select<>();
    final Select<CampaignForm.NoResponse> noResponse = new Select<>();
    final Select<CampaignForm.NoResponse> sensitiveNoResponse = new Select<>();
    final IntegerField escalationDays = new IntegerField("Escalated items stay with the reviewer's manager (days)");
    final DatePicker starts = new DatePicker("Starts");
    final Button save = new Button("Save draft");
    /** The fields by the names the campaign's validation problems give them. */
    private final Map<String, HasValidation> fields = new HashMap<>();
    private final Binder<CampaignForm> binder = Binders.binder(CampaignForm.class);

    /** A new campaign. */
    CampaignDialog(CampaignService campaigns, List<SystemInfo> all, Runnable saved) {
        this(campaigns, all, null, saved);
    }

    /** A new campaign, or the draft {@code draft} to change (a launched campaign is not edited). */
    CampaignDialog(CampaignService campaigns, List<SystemInfo> all, Campaign draft, Runnable saved) {
        setHeaderTitle(draft == null ? "New access-review campaign" : "Edit the draft " + draft.name());
        systems.setItems(all);
        systems.setItemLabelGenerator(SystemInfo::name);
        LocalDate today = LocalDate.now(DisplayTime.zone());
        for (int stage = 1; stage <= CampaignForm.MAX_STAGES; stage++) {
            stages.add(new StageFields(stage, today.plusDays(14L * stage)));
        }
        stageCount.setLabel("Review stages");
        stageCount.setItems(1, 2, 3);
        stageCount.addValueChangeListener(e -> showStages(e.getValue()));
        stageRule.setLabel("Combining the stages");
        stageRule.setItems(CampaignForm.StageRule.values());
        stageRule.setItemLabelGenerator(r -> switch (r) {
            case REVOKE_IF_ANY -> "Approved items go on; a revoke at any stage revokes";
            case APPROVE_IF_ANY -> "Revoked items go on for a second opinion; an approval keeps";
            case LAST_STAGE_DECIDES -> "Every item goes on; the last stage decides";
        });
        stageRule.setValue(CampaignForm.StageRule.REVOKE_IF_ANY);
        noResponse.setLabel("Undecided at the end of a stage or at close");
        noResponse.setItems(CampaignForm.NoResponse.values());
        noResponse.setItemLabelGenerator(CampaignForm.NoResponse::label);
        noResponse.setValue(CampaignForm.NoResponse.RECOMMENDATION);
        sensitiveNoResponse.setLabel("Privileged or flagged items still undecided at the end");
        sensitiveNoResponse.setHelperText("They escalate first: to the reviewer's manager when due, then to the fallback reviewer");
        sensitiveNoResponse.setItems(CampaignForm.NoResponse.values());
        sensitiveNoResponse.setItemLabelGenerator(CampaignForm.NoResponse::label);
        sensitiveNoResponse.setValue(CampaignForm.NoResponse.REVOKE);
        escalationDays.setStepButtonsVisible(true);
        escalationDays.setValue(CampaignForm.DEFAULT_ESCALATION_DAYS);
        starts.setValue(today);
        reminderDays.setValue("3, 1");
        escalation.setLabel("When a reviewer misses the due date, tell");
        escalation.setItems(CampaignForm.Escalation.values());
        escalation.setItemLabelGenerator(e -> switch (e) {
            case REVIEWER_MANAGER -> "The reviewer's manager";
            case CAMPAIGN_OWNER -> "The campaign owner";
        });
        escalation.setValue(CampaignForm.Escalation.REVIEWER_MANAGER);
        FormLayout form = new FormLayout(name, systems, description, entitlementFilter, privilegedOnly, flaggedOnly, fallback,
                noResponse, sensitiveNoResponse, starts, reminderDays, escalation, escalationDays, stageCount, stageRule);
        stages.forEach(s -> form.add(s.reviewerRule, s.namedReviewer, s.due));
        add(form);
        stageCount.setValue(1);
        fields.putAll(Map.of("name", name, "systemIds", systems, "fallbackReviewer", fallback, "noResponse", noResponse,
                "sensitiveNoResponse", sensitiveNoResponse, "escalationDays", escalationDays,
                "startsAt", starts, "reminderDays", reminderDays, "stages", stageCount));
        for (int stage = 1; stage <= stages.size(); stage++) {
            StageFields s = stages.get(stage - 1);
            fields.put(CampaignForm.stageField(stage, "reviewerRule"), s.reviewerRule);
            fields.put(CampaignForm.stageField(stage, "namedReviewer"), s.namedReviewer);
            fields.put(CampaignForm.stageField(stage, "dueAt"), s.due);
        }
        bind(all);
        if (draft != null) {
            binder.readRecord(draft.definition());
            save.setText("Save changes");
        }
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> {
            CampaignForm campaign;
            try {
                campaign = binder.writeRecord();
            } catch (ValidationException badDays) {
                return; // the Binder marked the reminder days, the one conversion that can fail
            }
            FieldErrors.clear(fields);
            try {
                if (draft == null) {
                    campaigns.create(campaign);
                } else {
                    campaigns.update(draft.id(), draft.version(), campaign);
                }
            } catch (InvalidInputException ex) {
                FieldErrors.show(fields, ex).ifPresent(Toasts::error);
                return;
            } catch (ConcurrentChangeException | IllegalStateException ex) {
                Toasts.error(ex.getMessage());
                return;
            }
            Toasts.success(draft == null ? "Campaign saved as a draft" : "Draft saved");
            close();
            saved.run();
        });
        getFooter().add(new Button("Cancel", e -> close()), save);
        setWidth("min(56rem, 95vw)");
    }

    /**
     * Binds every field to its component of the campaign (a new campaign's fields start with their defaults, a draft's
     * with its definition; the Binder writes the record). The stage count carries the stages: the first so many stages'
     * fields.
     */
    private void bind(List<SystemInfo> all) {
        binder.forField(name).withConverter(Binders.text()).bind("name");
        binder.forField(description).withConverter(Binders.text()).bind("description");
        binder.forField(systems).withConverter(Converter.<Set<SystemInfo>, List<Long>>from(
                picked -> picked.stream().map(SystemInfo::id).toList(),
                ids -> all.stream().filter(s -> ids.contains(s.id())).collect(Collectors.toSet()), Exception::getMessage))
                .bind("systemIds");
        binder.forField(entitlementFilter).withConverter(Binders.text()).bind("entitlementFilter");
        binder.forField(privilegedOnly).bind("privilegedOnly");
        binder.forField(flaggedOnly).bind("flaggedOnly");
        Binders.<List<Long>>hold(binder, "orgUnitIds");
        binder.forField(fallback).withConverter(Binders.text()).bind("fallbackReviewer");
        binder.forField(noResponse).bind("noResponse");
        binder.forField(starts).withConverter(Converter.<LocalDate, Instant>from(
                day -> day == null ? null : day.atStartOfDay(DisplayTime.zone()).toInstant(),
                instant -> instant == null ? null : LocalDate.ofInstant(instant, DisplayTime.zone()), Exception::getMessage))
                .bind("startsAt");
        binder.forField(stageCount).withConverter(new Converter<Integer, List<CampaignForm.Stage>>() {
            @Override
            public Result<List<CampaignForm.Stage>> convertToModel(Integer count, ValueContext context) {
                return Result.ok(stages.subList(0, count).stream().map(StageFields::toStage).toList());
            }

            @Override
            public Integer convertToPresentation(List<CampaignForm.Stage> shown, ValueContext context) {
                for (int i = 0; i < shown.size() && i < stages.size(); i++) {
                    CampaignForm.Stage stage = shown.get(i);
                    stages.get(i).reviewerRule.setValue(stage.reviewerRule());
                    stages.get(i).namedReviewer.setValue(stage.namedReviewer() == null ? "" : stage.namedReviewer());
                    // the last day: a stage saved here is due at the start of the day after it (see StageFields.toStage)
                    stages.get(i).due.setValue(stage.dueAt() == null ? null
                            : LocalDate.ofInstant(stage.dueAt().minusNanos(1), DisplayTime.zone()));
                }
                return shown.size();
            }
        }).bind("stages");
        binder.forField(stageRule).bind("stageRule");
        binder.forField(reminderDays).withConverter(new Converter<String, List<Integer>>() {
            @Override
            public Result<List<Integer>> convertToModel(String typed, ValueContext context) {
                String text = typed.strip();
                if (!text.matches("(\\d{1,3}(\\s*,\\s*|\\s+))*\\d{1,3}|")) {
                    return Result.error("Days as numbers separated by commas, e.g. 7, 3, 1");
                }
                return Result.ok(text.isEmpty() ? List.of() : Arrays.stream(text.split("[,\\s]+")).map(Integer::valueOf).toList());
            }

            @Override
            public String convertToPresentation(List<Integer> days, ValueContext context) {
                return days.stream().map(String::valueOf).collect(Collectors.joining(", "));
            }
        }).bind("reminderDays");
        binder.forField(escalation).bind("escalation");
        binder.forField(sensitiveNoResponse).bind("sensitiveNoResponse");
        // blank is 0 days, which the campaign's rules refuse with the range (no min/max on the field: one message)
        binder.forField(escalationDays).withConverter(Converter.<Integer, Integer>from(days -> days == null ? 0 : days, days -> days,
                Exception::getMessage)).bind("escalationDays");
    }

    private void showStages(Integer count) {
        int n = count == null ? 1 : count;
        for (int i = 0; i < stages.size(); i++) {
            stages.get(i).setVisible(i < n);
        }
        stageRule.setVisible(n > 1);
    }
}
