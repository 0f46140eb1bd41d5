package dev.steward.dsr.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import dev.steward.dsr.clocks.ClockActions;
import dev.steward.dsr.clocks.RequestClock;
import dev.steward.platform.ui.FieldErrors;
import dev.steward.platform.ui.Toasts;
import dev.steward.platform.validation.ConcurrentChangeException;
import dev.steward.platform.validation.InvalidInputException;

import java.util.Map;

/** Lets the clock wait while the requester is asked for what verification needs. */
class PauseDialog extends Dialog {

    final TextArea reason = new TextArea("What the requester was asked for");
    final Paragraph error = new Paragraph();

    PauseDialog(RequestClock clock, ClockActions actions, Runnable changed) {
        setHeaderTitle("Pause the clock for verification");
        reason.setWidthFull();
        reason.setMaxLength(1000);
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        add(new VerticalLayout(new Paragraph("Allowed by " + clock.rule().pauseCitation()
                + ". When the clock resumes, the due date moves by the whole days it waited."), reason, error));
        Button pause = new Button("Pause", e -> {
            try {
                actions.pause(clock.requestId(), clock.requestVersion(), reason.getValue());
                Toasts.success("Clock paused");
                close();
                changed.run();
            } catch (InvalidInputException invalid) {
                error.setText(FieldErrors.show(Map.of("reason", reason), invalid).orElse(""));
            } catch (ConcurrentChangeException stale) {
                error.setText(stale.getMessage());
            }
        });
        pause.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", e -> close()), pause);
    }
}
