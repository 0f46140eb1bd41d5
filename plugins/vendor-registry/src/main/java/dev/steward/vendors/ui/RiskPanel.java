package dev.steward.vendors.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import dev.steward.platform.security.CurrentUser;
import dev.steward.platform.ui.Buttons;
import dev.steward.platform.ui.DisplayTime;
import dev.steward.platform.ui.Toasts;
import dev.steward.vendors.VendorPermissions;
import dev.steward.vendors.registry.Vendor;
import dev.steward.vendors.risk.Assessment;
import dev.steward.vendors.risk.Finding;
import dev.steward.vendors.risk.TierChange;

/** Inherent risk now, assessments, open findings and the tier's history. */
class RiskPanel extends VerticalLayout {

    final Div inherent = new Div();
    final Button assess = new Button("Assess");
    final Button changeTier = new Button("Change tier");
    /** Why "Risk accepted" is disabled, shown above the findings (a disabled button shows no tooltip on hover). */
    final Span acceptNote = new Span();
    final Grid<TierChange> history = new Grid<>();

    RiskPanel(VendorUiServices services, Vendor vendor, Runnable changed) {
        setPadding(false);
        var risk = services.assessments().inherentRisk(vendor.id());
        inherent.setText("Inherent risk " + risk.score() + "/100, tier " + risk.tier() + " (" + risk.factors() + ")");
        assess.setVisible(CurrentUser.hasPermission(VendorPermissions.EDIT));
        assess.addClickListener(e -> new AssessmentDialog(services, vendor, risk, changed).open());
        changeTier.setVisible(CurrentUser.hasPermission(VendorPermissions.EDIT));
        changeTier.addClickListener(e -> new TierDialog(services.assessments(), vendor, changed).open());

        Grid<Assessment> assessments = new Grid<>();
        assessments.addColumn(a -> DisplayTime.date(a.assessedAt())).setHeader("When").setAutoWidth(true);
        assessments.addColumn(Assessment::assessedBy).setHeader("By").setAutoWidth(true);
        assessments.addColumn(a -> a.inherentScore() + " (tier " + a.inherentTier() + ")").setHeader("Inherent").setAutoWidth(true);
        assessments.addColumn(a -> "Tier " + a.residualTier()).setHeader("Residual").setAutoWidth(true);
        assessments.addColumn(Assessment::summary).setHeader("Summary").setFlexGrow(1);
        assessments.addColumn(a -> a.nextReviewOn().toString()).setHeader("Next review").setAutoWidth(true);
        assessments.setItems(services.assessments().ofVendor(vendor.id()));
        assessments.setAllRowsVisible(true);

        Grid<Finding> findings = new Grid<>();
        findings.addColumn(Finding::title).setHeader("Finding").setFlexGrow(1);
        findings.addColumn(f -> VendorGrid.label(f.severity().name())).setHeader("Severity").setAutoWidth(true);
        findings.addColumn(Finding::ownerName).setHeader("Remediation owner").setAutoWidth(true);
        findings.addColumn(f -> f.dueOn().toString()).setHeader("Due").setAutoWidth(true);
        findings.addColumn(f -> VendorGrid.label(f.status().name())).setHeader("Status").setAutoWidth(true);
        if (CurrentUser.hasPermission(VendorPermissions.EDIT) || CurrentUser.hasPermission(VendorPermissions.OWN)) {
            java.util.Optional<String> mayNotAccept = services.assessments().whyNotAcceptRisk(vendor.id());
            mayNotAccept.ifPresent(reason -> acceptNote.setText("Risk accepted is not available to you: " + reason + "."));
            findings.addComponentColumn(f -> f.status() != Finding.Status.OPEN ? new Span() : new HorizontalLayout(
                    Buttons.small("Resolved", () -> close(services, f, Finding.Status.RESOLVED, changed)),
                    acceptButton(services, f, mayNotAccept, changed))).setKey("actions");
        }
        findings.setItems(services.assessments().findings(vendor.id()));
        findings.setAllRowsVisible(true);

        history.addColumn(t -> DisplayTime.format(t.changedAt())).setHeader("When").setKey("when").setAutoWidth(true);
        history.addColumn(TierChange::changedBy).setHeader("Who").setAutoWidth(true);
        history.addColumn(t -> (t.fromTier() == null ? "—" : "Tier " + t.fromTier()) + " → Tier " + t.toTier()).setHeader("Tier").setAutoWidth(true);
        history.addColumn(TierChange::reason).setHeader("Why").setFlexGrow(1);
        history.addThemeVariants(com.vaadin.flow.component.grid.GridVariant.LUMO_WRAP_CELL_CONTENT); // whole reasons, not cut
        history.setItems(services.assessments().tierHistory(vendor.id()));
        history.setAllRowsVisible(true);

        acceptNote.setVisible(!acceptNote.getText().isEmpty());
        add(new HorizontalLayout(inherent, assess, changeTier), new H4("Assessments"), assessments, new H4("Findings"), acceptNote, findings, new H4("Tier history"), history);
    }

    /** "Risk accepted", disabled with the reason for the vendor's own business owner (who may not accept its risk). */
    private static Button acceptButton(VendorUiServices services, Finding f, java.util.Optional<String> mayNotAccept, Runnable changed) {
        Button accept = Buttons.small("Risk accepted", () -> close(services, f, Finding.Status.ACCEPTED, changed));
        mayNotAccept.ifPresent(reason -> {
            accept.setEnabled(false);
            accept.setTooltipText(reason);
        });
        return accept;
    }

    private static void close(VendorUiServices services, Finding f, Finding.Status status, Runnable changed) {
        try {
            services.assessments().closeFinding(f.id(), f.version(), status);
            changed.run();
        } catch (RuntimeException e) {
            Toasts.error(e.getMessage());
        }
    }
}
