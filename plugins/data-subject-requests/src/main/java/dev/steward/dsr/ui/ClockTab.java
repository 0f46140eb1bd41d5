package dev.steward.dsr.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import dev.steward.dsr.DsrPermissions;
import dev.steward.dsr.clocks.ClockActions;
import dev.steward.dsr.clocks.ClockRule;
import dev.steward.dsr.clocks.ClockText;
import dev.steward.dsr.clocks.Clocks;
import dev.steward.dsr.clocks.RequestClock;
import dev.steward.dsr.requests.RightsRequest;
import dev.steward.platform.security.PermissionCatalog;
import dev.steward.platform.ui.DisplayTime;
import dev.steward.platform.ui.Toasts;
import dev.steward.platform.ui.WhoCan;
import dev.steward.platform.validation.ConcurrentChangeException;
import dev.steward.platform.validation.InvalidInputException;

import java.time.Instant;
import java.util.Optional;

/** The request's clock: due date and why, acknowledgement, the one extension, and the waits for verification. */
@org.springframework.stereotype.Component
class ClockTab implements RequestTab {

    private final Clocks clocks;
    private final ClockActions actions;
    private final PermissionCatalog permissions;

    ClockTab(Clocks clocks, ClockActions actions, PermissionCatalog permissions) {
        this.clocks = clocks;
        this.actions = actions;
        this.permissions = permissions;
    }

    @Override
    public String label() {
        return "Clock";
    }

    @Override
    public int order() {
        return 100;
    }

    @Override
    public Component create(RightsRequest request, Runnable changed) {
        Optional<RequestClock> found = clocks.of(request.id());
        if (found.isEmpty()) {
            return new Paragraph("This request has no clock.");
        }
        RequestClock c = found.get();
        ClockRule rule = c.rule();
        Instant now = Instant.now();
        VerticalLayout panel = new VerticalLayout();
        panel.setPadding(false);

        FormLayout form = new FormLayout();
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("700px", 2));
        Span due = new Span(c.dueAt() == null ? "No due date" : ClockText.endOfDay(c.dueAt(), rule.zone())
                + (c.open() ? " (" + DisplayTime.countdown(c.dueAt(), now) + ")" : ""));
        due.addClassName("clock-due");
        form.addFormItem(due, "Due");
        Span basis = new Span(c.dueBasis());
        basis.addClassName("clock-basis");
        form.addFormItem(basis, "Why this date");
        form.addFormItem(new Span(rule.regime().label() + ", version " + rule.version() + ": answer within " + rule.answerText()
                + ", extension " + rule.extensionText() + " (" + rule.citation() + ")"), "Rule");
        form.addFormItem(new Span(c.acknowledgeBy() == null ? (c.acknowledgedAt() == null ? "Not required by " + rule.regime().label()
                : "Acknowledged " + DisplayTime.format(c.acknowledgedAt()))
                : c.acknowledgedAt() == null ? "Due " + ClockText.endOfDay(c.acknowledgeBy(), rule.zone())
                : "Acknowledged " + DisplayTime.format(c.acknowledgedAt()) + " (due " + ClockText.endOfDay(c.acknowledgeBy(), rule.zone()) + ")"),
                "Acknowledgement");
        form.addFormItem(new Span(extensionText(c)), "Extension");
        form.addFormItem(new Span(rule.pauseAllowed() ? "May wait for verification (" + rule.pauseCitation() + ")"
                : "Does not wait for verification under " + rule.regime().label()), "Pauses");
        panel.add(form);

        Details why = new Details("Why this due date", new Paragraph(clocks.explain(request.id())));
        panel.add(why);
        panel.add(buttons(c, now, changed));
        panel.add(pauseHistory(c));
        return panel;
    }

    private Component buttons(RequestClock c, Instant now, Runnable changed) {
        WhoCan who = WhoCan.permission(permissions, DsrPermissions.WORK);
        HorizontalLayout row = new HorizontalLayout();
        Button acknowledge = new Button("Acknowledge receipt", e -> run(() -> actions.acknowledge(c.requestId(), c.requestVersion()),
                "Receipt acknowledged", changed));
        acknowledge.setVisible(c.open() && c.acknowledgedAt() == null);
        Button extend = new Button("Extend…", e -> new ExtendDialog(c, actions, changed).open());
        Button pause = new Button("Pause for verification…", e -> new PauseDialog(c, actions, changed).open());
        pause.setVisible(c.open() && !c.paused() && c.rule().pauseAllowed());
        Button resume = new Button("Resume clock", e -> run(() -> actions.resume(c.requestId(), c.requestVersion()),
                "Clock resumed", changed));
        resume.setVisible(c.open() && c.paused());
        extend.setVisible(c.open() && !c.extended());
        for (Button b : new Button[]{acknowledge, extend, pause, resume}) {
            who.apply(b, who.onlyCan("change a request's clock"));
        }
        Optional<String> extensionRefused = c.extensionRefusal(now);
        if (who.allowed() && extensionRefused.isPresent()) {
            extend.setEnabled(false);
            extend.setTooltipText(extensionRefused.get());
        }
        c.pauseRefusal().filter(x -> who.allowed()).ifPresent(refused -> {
            pause.setEnabled(false);
            pause.setTooltipText(refused);
        });
        row.add(acknowledge, extend, pause, resume);
        VerticalLayout box = new VerticalLayout(row, who.note(who.onlyCan("acknowledge, extend or pause a request's clock")));
        box.setPadding(false);
        if (who.allowed() && extend.isVisible() && extensionRefused.isPresent()) {
            Paragraph note = new Paragraph("Extension: " + extensionRefused.get());
            note.addClassName("extension-refused");
            box.add(note);
        }
        return box;
    }

    private static Component pauseHistory(RequestClock c) {
        VerticalLayout box = new VerticalLayout(new H4("Waits for verification"));
        box.setPadding(false);
        box.setSpacing(false);
        if (c.pauses().isEmpty()) {
            box.add(new Span("The clock has not waited."));
        }
        for (RequestClock.Pause p : c.pauses()) {
            box.add(new Span(DisplayTime.format(p.pausedAt()) + " by " + p.pausedBy() + ": " + p.reason() + " · "
                    + (p.resumedAt() == null ? "still waiting" : "resumed " + DisplayTime.format(p.resumedAt()) + " by " + p.resumedBy()
                    + ", due date moved " + p.movedDays() + (p.movedDays() == 1 ? " day" : " days"))));
        }
        return box;
    }

    private static String extensionText(RequestClock c) {
        ClockRule rule = c.rule();
        if (c.extended()) {
            return "Extended by " + rule.extensionText() + " on " + DisplayTime.format(c.extendedAt()) + " by " + c.extendedBy()
                    + "; requester told " + ClockText.day(c.requesterNotifiedAt(), rule.zone()) + ": " + c.extensionReason();
        }
        if (rule.extensionAmount() == null || c.extensionNoticeBy() == null) {
            return "None allowed under " + rule.regime().label();
        }
        return "One of " + rule.extensionText() + " allowed; tell the requester by " + ClockText.endOfDay(c.extensionNoticeBy(), rule.zone());
    }

    static void run(Runnable action, String done, Runnable changed) {
        try {
            action.run();
            Toasts.success(done);
            changed.run();
        } catch (InvalidInputException | ConcurrentChangeException e) {
            Toasts.error(e.getMessage());
        }
    }
}
