package dev.steward.dsr.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import dev.steward.dsr.fulfilment.Task;
import dev.steward.dsr.fulfilment.TaskCompletion;
import dev.steward.dsr.fulfilment.TaskOutcomes;
import dev.steward.platform.files.UploadedFile;
import dev.steward.platform.files.ui.BoundedUpload;
import dev.steward.platform.ui.FieldErrors;
import dev.steward.platform.ui.Toasts;
import dev.steward.platform.validation.ConcurrentChangeException;
import dev.steward.platform.validation.InvalidInputException;

import java.time.LocalDate;
import java.util.Map;

/** Reports a task done (what was done, evidence, a processor's confirmation) or not applicable (why). */
class TaskDialog extends Dialog {

    final TextArea outcome = new TextArea("What was done or found");
    final DatePicker confirmedOn = new DatePicker("Processor confirmed on");
    final TextField confirmationRef = new TextField("Their reference");
    final Span evidenceName = new Span();
    final Button done = new Button("Mark done");
    final Button notApplicable = new Button("Not applicable");
    private UploadedFile evidence;

    TaskDialog(Task task, TaskOutcomes outcomes, long maxBytes, Runnable changed) {
        setHeaderTitle(task.title());
        outcome.setWidthFull();
        outcome.setMaxLength(4000);
        outcome.setHelperText("For \"not applicable\", say why (no account there, the holder does not hold the data…)");
        confirmedOn.setMax(LocalDate.now().plusDays(1));
        confirmedOn.setVisible(task.action().needsConfirmation());
        confirmationRef.setVisible(task.action().needsConfirmation());
        confirmationRef.setMaxLength(200);
        Upload upload = new Upload();
        upload.setMaxFiles(1);
        upload.setDropLabel(new Span("Evidence (a log, a screenshot, the processor's confirmation)"));
        BoundedUpload.attach(upload, maxBytes, file -> {
            UploadedFile.discard(evidence);
            evidence = file;
            evidenceName.setText("Evidence: " + file.fileName());
        }, Toasts::error);
        addDetachListener(e -> UploadedFile.discard(evidence));
        VerticalLayout body = new VerticalLayout(new Paragraph("About: " + (task.subject() == null ? "(personal data purged)" : task.subject())),
                new Paragraph(task.action().description()
                + (task.contactEmail() == null ? "" : ". Contact: " + task.contactEmail())), outcome, confirmedOn, confirmationRef, upload, evidenceName);
        body.setPadding(false);
        add(body);
        setWidth("560px");
        Map<String, com.vaadin.flow.component.HasValidation> fields = Map.of("outcome", outcome, "reason", outcome,
                "confirmedOn", confirmedOn, "confirmationRef", confirmationRef);
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        done.addClickListener(e -> act(fields, changed, () -> outcomes.complete(task.id(), task.version(),
                new TaskCompletion(outcome.getValue(), confirmedOn.getValue(), confirmationRef.getValue(), evidence))));
        notApplicable.addClickListener(e -> act(fields, changed, () -> outcomes.notApplicable(task.id(), task.version(), outcome.getValue())));
        getFooter().add(new Button("Cancel", e -> close()), notApplicable, done);
    }

    private void act(Map<String, com.vaadin.flow.component.HasValidation> fields, Runnable changed, Runnable action) {
        FieldErrors.clear(fields);
        try {
            action.run();
            Toasts.success("Task updated");
            close();
            changed.run();
        } catch (InvalidInputException invalid) {
            FieldErrors.show(fields, invalid).ifPresent(Toasts::error);
        } catch (ConcurrentChangeException stale) {
            Toasts.error(stale.getMessage());
        }
    }
}
