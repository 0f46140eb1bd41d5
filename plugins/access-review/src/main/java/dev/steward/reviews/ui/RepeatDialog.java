package dev.steward.reviews.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import dev.steward.platform.ui.DisplayTime;
import dev.steward.platform.ui.FieldErrors;
import dev.steward.platform.ui.Toasts;
import dev.steward.platform.validation.InvalidInputException;
import dev.steward.reviews.campaigns.Campaign;
import dev.steward.reviews.campaigns.RecurringCampaigns;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/** Repeats a campaign: how often, and when first; each run copies it over the current snapshots and launches it. */
class RepeatDialog extends Dialog {

    final Select<RecurringCampaigns.Frequency> frequency = new Select<>();
    final DateTimePicker firstRun = new DateTimePicker("First run");
    final Paragraph problem = new Paragraph();
    final Button save = new Button("Repeat");

    RepeatDialog(RecurringCampaigns recurring, Campaign template, Runnable onSaved) {
        setHeaderTitle("Repeat " + template.name());
        frequency.setLabel("How often");
        frequency.setItems(RecurringCampaigns.Frequency.values());
        frequency.setItemLabelGenerator(RecurringCampaigns.Frequency::label);
        frequency.setValue(RecurringCampaigns.Frequency.QUARTERLY);
        firstRun.setValue(LocalDateTime.ofInstant(Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS), DisplayTime.zone()));
        firstRun.setHelperText("Times in " + DisplayTime.zone().getId());
        Paragraph what = new Paragraph("Each run copies this campaign's systems, scope, stages and rules into a new campaign over the"
                + " current snapshots, launches it (each stage as long as in this one) and tells you. A run with nothing to review tells"
                + " you why and waits for the next period.");
        add(what, new FormLayout(frequency, firstRun), problem);
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> {
            Map<String, com.vaadin.flow.component.HasValidation> fields = Map.of("firstRun", firstRun);
            FieldErrors.clear(fields);
            try {
                RecurringCampaigns.Schedule schedule = recurring.repeat(template.id(), frequency.getValue(),
                        firstRun.getValue() == null ? null : firstRun.getValue().atZone(DisplayTime.zone()).toInstant());
                Toasts.success(template.name() + " repeats " + schedule.frequency().label().toLowerCase() + ", first on "
                        + DisplayTime.format(schedule.nextRunAt()));
                onSaved.run();
                close();
            } catch (InvalidInputException invalid) {
                problem.setText(FieldErrors.show(fields, invalid).orElse(""));
            }
        });
        getFooter().add(new Button("Cancel", e -> close()), save);
    }
}
