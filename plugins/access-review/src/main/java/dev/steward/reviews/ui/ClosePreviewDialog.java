package dev.steward.reviews.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import dev.steward.reviews.campaigns.Campaign;
import dev.steward.reviews.campaigns.ClosePreview;

/**
 * Shows, per system, what closing will do with the undecided items before the owner confirms, and warns when the
 * campaign is closed before its due date with most items undecided.
 */
class ClosePreviewDialog extends Dialog {

    final Grid<ClosePreview.SystemLine> grid = new Grid<>();
    final Button confirm = new Button("Close the campaign");
    final Paragraph earlyWarning = new Paragraph();
    final Paragraph rules = new Paragraph();
    final Paragraph sensitiveWarning = new Paragraph();

    /** A column header that wraps instead of being cut off. */
    private static com.vaadin.flow.component.html.Span header(String text) {
        com.vaadin.flow.component.html.Span header = new com.vaadin.flow.component.html.Span(text);
        header.getStyle().set("white-space", "normal");
        return header;
    }

    ClosePreviewDialog(Campaign campaign, ClosePreview preview, Runnable onConfirm) {
        setHeaderTitle("Close " + campaign.name());
        grid.addColumn(ClosePreview.SystemLine::system).setHeader("System").setFlexGrow(2);
        grid.addColumn(ClosePreview.SystemLine::undecided).setHeader(header("Undecided"));
        grid.addColumn(ClosePreview.SystemLine::wouldKeep).setHeader(header("Kept by the rule"));
        grid.addColumn(ClosePreview.SystemLine::wouldRevoke).setHeader(header("Revoked by the rule"));
        grid.addColumn(ClosePreview.SystemLine::sensitiveUndecided).setHeader(header("Of them privileged or flagged"));
        grid.addColumn(ClosePreview.SystemLine::sensitiveWouldKeep).setHeader(header("Privileged or flagged kept unreviewed"));
        grid.setItems(preview.systems());
        grid.setAllRowsVisible(true);
        int undecided = preview.systems().stream().mapToInt(ClosePreview.SystemLine::undecided).sum();
        boolean early = campaign.definition().dueAt().isAfter(java.time.Instant.now());
        earlyWarning.setVisible(early && undecided * 2 > campaign.items());
        if (earlyWarning.isVisible()) {
            earlyWarning.setText("The campaign is due " + dev.steward.platform.ui.DisplayTime.due(campaign.definition().dueAt())
                    + " and " + undecided + " of its " + campaign.items() + " items are still undecided: closing now lets the"
                    + " no-response rule decide them, and the evidence will say so.");
            earlyWarning.getStyle().set("color", "var(--lumo-error-text-color)");
            confirm.setText("Close early anyway");
        }
        rules.setText("Undecided items: " + campaign.definition().noResponse().label().toLowerCase() + "; privileged or flagged ones: "
                + campaign.definition().sensitiveNoResponse().label().toLowerCase()
                + ". Decisions are frozen and every revoke becomes a remediation item for its system.");
        sensitiveWarning.setVisible(preview.sensitiveWouldKeep() > 0);
        if (sensitiveWarning.isVisible()) {
            sensitiveWarning.setText(preview.sensitiveWouldKeep() + " privileged or flagged item(s) nobody decided will be kept by the"
                    + " campaign's rule; the report and the evidence pack will name them as kept unreviewed.");
            sensitiveWarning.getStyle().set("color", "var(--lumo-error-text-color)");
        }
        add(earlyWarning, rules, sensitiveWarning, grid);
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        confirm.addClickListener(e -> {
            onConfirm.run();
            close();
        });
        getFooter().add(new Button("Cancel", e -> close()), confirm);
        setWidth("min(60rem, 95vw)");
    }
}
