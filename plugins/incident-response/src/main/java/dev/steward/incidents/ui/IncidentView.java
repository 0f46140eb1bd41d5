package dev.steward.incidents.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.steward.incidents.Incident;
import dev.steward.incidents.IncidentPermissions;
import dev.steward.incidents.Phase;
import dev.steward.incidents.RiskLevel;
import dev.steward.incidents.work.PhaseService;
import dev.steward.platform.security.CurrentUser;
import dev.steward.platform.spi.RequiresPermission;
import dev.steward.platform.ui.Toasts;
import jakarta.annotation.security.PermitAll;

import java.util.List;

/** One incident: its header (phase, severity, risk, next step) and tabs for facts, assessment, notices, tasks, timeline and evidence. */
@Route("incidents/:id")
@PageTitle("Incident · Steward")
@PermitAll
@RequiresPermission(IncidentPermissions.READ)
public class IncidentView extends VerticalLayout implements BeforeEnterObserver {

    final H2 heading = new H2();
    final Span badges = new Span();
    final Button advance = new Button();
    final Button reopen = new Button("Reopen", VaadinIcon.ROTATE_LEFT.create());
    final Paragraph missing = new Paragraph();
    final TabSheet tabs = new TabSheet();
    /** The last question asked (closing), for tests. */
    ConfirmDialog question;
    private final IncidentPanels panels;
    private final PhaseService phases;
    private Incident incident;

    public IncidentView(IncidentPanels panels, PhaseService phases) {
        this.panels = panels;
        this.phases = phases;
        setSizeFull();
        advance.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        advance.addClickListener(e -> advance());
        reopen.addClickListener(e -> new ReasonDialog("Reopen " + incident.reference(), "Why is it reopened?", "Reopen", reason -> {
            phases.reopen(incident.id(), incident.version(), reason);
            Toasts.success(incident.reference() + " reopened");
            reload();
        }).open());
        missing.addClassName("incident-missing");
        missing.getStyle().set("color", "var(--lumo-secondary-text-color)");
        tabs.setSizeFull();
        FlexLayout header = new FlexLayout(heading, badges);
        header.setAlignItems(Alignment.BASELINE);
        header.getStyle().set("gap", "var(--lumo-space-m)");
        add(header, new HorizontalLayout(advance, reopen), missing, tabs);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long id = event.getRouteParameters().getLong("id").orElse(-1L);
        incident = panels.find(id).orElse(null);
        if (incident == null) {
            heading.setText("No incident " + event.getRouteParameters().get("id").orElse(""));
            badges.setText("");
            advance.setVisible(false);
            reopen.setVisible(false);
            tabs.setVisible(false);
            return;
        }
        show();
    }

    void reload() {
        incident = panels.find(incident.id()).orElseThrow();
        show();
    }

    private void show() {
        heading.setText(incident.reference() + " · " + incident.title());
        badges.setText(incident.phase().label() + " · severity " + (incident.severity() == null ? "not assessed"
                : incident.severity().label().toLowerCase()) + " · " + riskText(incident.risk()));
        boolean canWork = CurrentUser.hasPermission(IncidentPermissions.WORK);
        Phase next = incident.phase().next();
        advance.setVisible(canWork && next != null);
        reopen.setVisible(canWork && next == null);
        if (next != null) {
            advance.setText("Move to " + next.label().toLowerCase());
            List<String> missingItems = phases.missingFor(incident.id(), next);
            missing.setText(missingItems.isEmpty() ? "" : "Before " + next.label().toLowerCase() + ": " + String.join("; ", missingItems)
                    + whoAssesses(next));
        } else {
            missing.setText("Closed " + dev.steward.platform.ui.DisplayTime.format(incident.closedAt()));
        }
        int selected = Math.max(0, tabs.getSelectedIndex());
        while (tabs.getTabCount() > 0) {
            tabs.remove(0);
        }
        for (IncidentPanels.Panel panel : panels.panelsFor(incident, this::reload)) {
            tabs.add(panel.title(), panel.content());
        }
        tabs.setSelectedIndex(Math.min(selected, tabs.getTabCount() - 1));
        tabs.setVisible(true);
    }

    /** For a user who cannot assess, waiting on an assessment: who does it (" · A privacy officer assesses the risk"). */
    private String whoAssesses(Phase next) {
        dev.steward.platform.ui.WhoCan mayAssess = panels.whoCan(IncidentPermissions.ASSESS);
        if (mayAssess.allowed() || next.ordinal() < Phase.ASSESSED.ordinal()
                || (incident.risk() != null && incident.severity() != null)) {
            return "";
        }
        return ". " + mayAssess.subject() + " assesses the risk and the severity.";
    }

    /** The risk conclusion as the header says it: "a high risk to individuals", never "risk high risk". */
    static String riskText(RiskLevel risk) {
        if (risk == null) {
            return "risk to individuals not concluded";
        }
        return switch (risk) {
            case NONE -> "unlikely to result in a risk to individuals";
            case RISK -> "a risk to individuals";
            case HIGH_RISK -> "a high risk to individuals";
        };
    }

    /** Closing asks first, saying what it does; the other phases move at once. */
    private void advance() {
        if (incident.phase().next() != Phase.CLOSED) {
            moveOn();
            return;
        }
        question = new ConfirmDialog("Close " + incident.reference() + "?",
                "Closing ends the work on the incident: its facts, assessments and notices can no longer be changed, and its "
                        + "notices are no longer recomputed when the facts or the rules change. It stays in the breach register as "
                        + "it is now. It can be reopened with a reason.",
                "Close the incident", e -> moveOn());
        question.setCancelable(true);
        question.open();
    }

    private void moveOn() {
        phases.advance(incident.id(), incident.version());
        Toasts.success(incident.reference() + " moved to " + incident.phase().next().label().toLowerCase());
        reload();
    }

    Incident incident() {
        return incident;
    }

    /** Selects a tab by title and returns its content. */
    Component openTab(String title) {
        for (int i = 0; i < tabs.getTabCount(); i++) {
            if (tabs.getTabAt(i).getLabel().equals(title)) {
                tabs.setSelectedIndex(i);
                return tabs.getComponent(tabs.getTabAt(i));
            }
        }
        throw new IllegalArgumentException("No tab " + title);
    }
}
