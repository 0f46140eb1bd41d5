package dev.steward.dsr.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import dev.steward.dsr.clocks.ClockActions;
import dev.steward.dsr.clocks.ClockRule;
import dev.steward.dsr.clocks.ClockText;
import dev.steward.dsr.clocks.RequestClock;
import dev.steward.platform.ui.DisplayTime;
import dev.steward.platform.ui.FieldErrors;
import dev.steward.platform.ui.Toasts;
import dev.steward.platform.validation.ConcurrentChangeException;
import dev.steward.platform.validation.InvalidInputException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;

/** The one extension the law allows: why, and when the requester was told. It cannot be undone, and says so. */
class ExtendDialog extends Dialog {

    final TextArea reason = new TextArea("Why more time is needed (the requester is told)");
    final DatePicker told = new DatePicker("Requester told on");
    final Paragraph error = new Paragraph();
    final Button extend = new Button("Extend");

    ExtendDialog(RequestClock clock, ClockActions actions, Runnable changed) {
        ClockRule rule = clock.rule();
        setHeaderTitle("Extend the clock by " + rule.extensionText());
        reason.setWidthFull();
        reason.setMaxLength(2000);
        told.setValue(LocalDate.now(DisplayTime.zone()));
        told.setMax(LocalDate.now(DisplayTime.zone()));
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        Paragraph what = new Paragraph("The law allows one extension; it cannot be undone. The requester must have been told, with the reason, by "
                + ClockText.endOfDay(clock.extensionNoticeBy(), rule.zone()) + ". The due date will move to the law's date plus "
                + rule.extensionText() + ".");
        add(new VerticalLayout(what, reason, told, error));
        extend.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        extend.addClickListener(e -> {
            try {
                actions.extend(clock.requestId(), clock.requestVersion(), reason.getValue(), toldAt());
                Toasts.success("Clock extended");
                close();
                changed.run();
            } catch (InvalidInputException invalid) {
                error.setText(FieldErrors.show(Map.of("reason", reason, "requesterNotifiedAt", told), invalid).orElse(""));
            } catch (ConcurrentChangeException stale) {
                error.setText(stale.getMessage());
            }
        });
        getFooter().add(new Button("Cancel", e -> close()), extend);
    }

    /** Today is now; an earlier day is the end of that day in the user's zone. */
    private Instant toldAt() {
        LocalDate day = told.getValue();
        if (day == null) {
            return null;
        }
        Instant end = day.atTime(LocalTime.MAX).atZone(DisplayTime.zone()).toInstant();
        Instant now = Instant.now();
        return end.isAfter(now) ? now : end;
    }
}
