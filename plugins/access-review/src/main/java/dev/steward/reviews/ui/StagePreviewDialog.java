package dev.steward.reviews.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import dev.steward.reviews.campaigns.Campaign;
import dev.steward.reviews.campaigns.StagePreview;

/** Shows, per system, what ending the current stage does before the owner opens the next one. */
class StagePreviewDialog extends Dialog {

    final Grid<StagePreview.SystemLine> grid = new Grid<>();
    final Button confirm = new Button();

    StagePreviewDialog(Campaign campaign, StagePreview preview, Runnable onConfirm) {
        int next = preview.endingStage() + 1;
        setHeaderTitle(campaign.name() + ": end stage " + preview.endingStage());
        grid.addColumn(StagePreview.SystemLine::system).setHeader("System");
        grid.addColumn(StagePreview.SystemLine::undecided).setHeader("Undecided");
        grid.addColumn(StagePreview.SystemLine::revokedByRule).setHeader("Of those revoked by the rule");
        grid.addColumn(StagePreview.SystemLine::goingOn).setHeader("Go on to stage " + next);
        grid.addColumn(StagePreview.SystemLine::finalApproved).setHeader("Final: kept");
        grid.addColumn(StagePreview.SystemLine::finalRevoked).setHeader("Final: revoked");
        grid.setItems(preview.systems());
        grid.setAllRowsVisible(true);
        add(new Paragraph("Undecided items get the no-response rule (" + campaign.definition().noResponse().label().toLowerCase()
                + "; privileged or flagged ones: " + campaign.definition().sensitiveNoResponse().label().toLowerCase() + "); then the stage rule (" + campaign.definition().stageRule().name().toLowerCase().replace('_', ' ')
                + ") sends items on to stage " + next + ", reviewed by " + reviewers(campaign.definition().stages().get(next - 1))
                + ". Stage " + preview.endingStage() + "'s decisions are frozen."), grid);
        confirm.setText("Open stage " + next);
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.addClickListener(e -> {
            onConfirm.run();
            close();
        });
        getFooter().add(new Button("Cancel", e -> close()), confirm);
        setWidth("min(56rem, 95vw)");
    }

    static String reviewers(dev.steward.reviews.campaigns.CampaignForm.Stage stage) {
        return switch (stage.reviewerRule()) {
            case MANAGER -> "each person's manager";
            case SYSTEM_OWNER -> "the system owner";
            case NAMED -> stage.namedReviewer();
        };
    }
}
