package dev.steward.incidents.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import dev.steward.incidents.Incident;
import dev.steward.incidents.Phase;
import dev.steward.incidents.documents.NoticeDocuments;
import dev.steward.incidents.obligations.NotOwed;
import dev.steward.incidents.obligations.Obligation;
import dev.steward.incidents.obligations.ObligationService;
import dev.steward.incidents.obligations.ObligationStatus;
import dev.steward.platform.ui.Buttons;
import dev.steward.platform.ui.DisplayTime;
import dev.steward.platform.ui.Ticker;
import dev.steward.platform.ui.Toasts;

import java.time.Instant;
import java.util.List;

/** The notices the incident calls for, with live countdowns; privacy officers decide, record sending and add their own. */
class ObligationsPanel extends VerticalLayout {

    static final int COUNTDOWN_REFRESH_MILLIS = Ticker.INTERVAL_MILLIS;

    final Grid<Obligation> grid = new Grid<>();
    /** The rules considered that call for no notice, each with its reason. */
    final VerticalLayout notOwed = new VerticalLayout();
    final Button addManual = new Button("Add a notice by hand", VaadinIcon.PLUS.create());
    private final ObligationService obligations;
    private final NoticeDocuments documents;
    private final Incident incident;
    private final Runnable changed;
    private final boolean canDecide;

    final Paragraph whoDecides;

    ObligationsPanel(ObligationService obligations, NoticeDocuments documents, Incident incident,
                     dev.steward.platform.ui.WhoCan mayNotify, Runnable changed) {
        this.obligations = obligations;
        this.documents = documents;
        this.incident = incident;
        this.changed = changed;
        this.canDecide = mayNotify.allowed() && incident.phase() != Phase.CLOSED;
        whoDecides = mayNotify.note(mayNotify.subject() + " decides whether each notice is required, and records it when sent.");
        setPadding(false);
        // fits a 1366-pixel screen: texts wrap, and a row's actions wrap onto a second line in a column of their own
        grid.addThemeVariants(com.vaadin.flow.component.grid.GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(Obligation::label).setHeader("Notice").setWidth("10em").setFlexGrow(2);
        grid.addColumn(o -> o.statusText(Instant.now())).setHeader("Status").setWidth("6em").setFlexGrow(0);
        grid.addColumn(TimeText::due).setHeader("Due").setKey("due").setWidth("9em").setFlexGrow(1);
        grid.addColumn(o -> o.due() == null || !o.open() ? "" : DisplayTime.countdown(o.due(), Instant.now())).setHeader("Countdown")
                .setWidth("7em").setFlexGrow(0);
        grid.addColumn(this::outcome).setHeader("Decision / sent").setWidth("8em").setFlexGrow(2);
        grid.addComponentColumn(this::actions).setHeader("").setKey("actions").setWidth("15em").setFlexGrow(0);
        grid.setItemDetailsRenderer(new com.vaadin.flow.data.renderer.ComponentRenderer<>(o -> new Span(TimeText.render(o.basis()))));
        grid.setAllRowsVisible(true);
        grid.setItems(obligations.of(incident.id()));
        addManual.setVisible(canDecide);
        addManual.addClickListener(e -> new ManualObligationDialog(obligations, incident, changed).open());
        add(new Span("Computed from the incident's facts and the notification rules; open a row to see why."), whoDecides, grid, addManual);
        showNotOwed(obligations.notOwed(incident.id()));
        keepCountdownsLive();
    }

    /** "Not owed": each rule that was considered and does not apply, with its reason and citation. */
    private void showNotOwed(List<NotOwed> rules) {
        notOwed.setPadding(false);
        notOwed.setSpacing(false);
        notOwed.setVisible(!rules.isEmpty());
        notOwed.add(new H4("Not owed"), new Span("Rules considered for this incident that call for no notice, and why."));
        rules.forEach(n -> notOwed.add(new Paragraph(n.text())));
        add(notOwed);
    }

    /** The countdowns (and late status) move on while the page is open, with the dashboard's countdowns' ticker. */
    private void keepCountdownsLive() {
        Ticker.whileAttached(this, () -> grid.getDataProvider().refreshAll());
    }

    private String outcome(Obligation o) {
        return switch (o.status()) {
            case PROPOSED -> "";
            case REQUIRED -> "required by " + o.decidedBy() + (o.documentId() == null ? "" : "; notice drafted");
            case NOT_REQUIRED -> "not required (" + o.decidedBy() + "): " + o.decisionReason();
            case SENT -> "sent " + DisplayTime.format(o.sentAt()) + " by " + o.sentBy()
                    + (o.reference() == null ? "" : ", ref. " + o.reference())
                    + (o.delayReason() == null ? "" : ", delay: " + o.delayReason())
                    + (o.documentId() == null ? "" : "; notice kept with the evidence");
        };
    }

    private Component actions(Obligation o) {
        HorizontalLayout actions = new HorizontalLayout();
        actions.setWrap(true);
        actions.setSpacing(false);
        actions.getStyle().set("gap", "var(--lumo-space-xs)");
        if (!canDecide) {
            return actions;
        }
        if (o.status() == ObligationStatus.PROPOSED || o.status() == ObligationStatus.NOT_REQUIRED) {
            actions.add(Buttons.small("Required", () -> {
                obligations.confirm(o.id(), o.version());
                Toasts.success(o.label() + " is required");
                changed.run();
            }));
        }
        if (o.status() == ObligationStatus.PROPOSED || o.status() == ObligationStatus.REQUIRED) {
            actions.add(Buttons.small("Not required", () -> new ReasonDialog(o.label(), "Why is this notice not required?", "Not required", reason -> {
                obligations.markNotRequired(o.id(), o.version(), reason);
                Toasts.success(o.label() + " marked not required");
                changed.run();
            }).open()));
            actions.add(Buttons.small("Draft notice", () -> new NoticeDialog(documents, o, changed).open()));
            actions.add(Buttons.small("Record sent", () -> new RecordSentDialog(obligations, o, changed).open()));
        }
        if (o.status() == ObligationStatus.SENT) {
            actions.add(Buttons.small("Further information", () -> new ReasonDialog(o.label(), "What further information was sent (Art. 33(4))?", "Record",
                    summary -> {
                        obligations.addUpdate(o.id(), Instant.now(), summary);
                        Toasts.success("Further information recorded");
                        changed.run();
                    }).open()));
        }
        return actions;
    }
}
