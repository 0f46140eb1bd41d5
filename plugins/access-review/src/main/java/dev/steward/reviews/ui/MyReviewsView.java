package dev.steward.reviews.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.steward.platform.spi.RequiresPermission;
import dev.steward.platform.ui.Buttons;
import dev.steward.platform.ui.Toasts;
import dev.steward.reviews.ReviewPermissions;
import dev.steward.reviews.decisions.ReviewDecisions;
import dev.steward.reviews.decisions.ReviewDecisions.Decision;
import dev.steward.reviews.decisions.ReviewItem;
import jakarta.annotation.security.PermitAll;

import java.util.List;

/**
 * A reviewer's queue, grouped by person: decide each item (a comment where it matters), approve plain items in bulk,
 * or hand an item on. Alt+A approves and Alt+R revokes the one selected item; Alt+B approves the selection.
 */
@Route("reviews/my")
@PageTitle("My reviews · Steward")
@PermitAll
@RequiresPermission(ReviewPermissions.REVIEW)
public class MyReviewsView extends VerticalLayout {

    final ProgressBar progress = new ProgressBar();
    final Span progressText = new Span();
    final Grid<ReviewItem> grid = new Grid<>();
    final Button approveSelected = new Button("Approve selected");
    /** What earlier review stages decided; shown only when the queue has items of a later stage. */
    final Grid.Column<ReviewItem> earlier;
    private final ReviewDecisions decisions;

    public MyReviewsView(ReviewDecisions decisions) {
        this.decisions = decisions;
        setSizeFull();
        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        grid.addColumn(i -> i.personName() == null ? "(no person) " + i.accountName() : i.personName()).setHeader("Person").setAutoWidth(true);
        grid.addColumn(ReviewItem::system).setHeader("System").setAutoWidth(true);
        grid.addColumn(ReviewItem::accountName).setHeader("Account").setAutoWidth(true);
        grid.addColumn(ReviewItem::entitlement).setHeader("Entitlement").setAutoWidth(true);
        grid.addColumn(i -> i.grantedVia() == null ? "" : i.grantedVia()).setHeader("How granted").setKey("granted").setAutoWidth(true);
        grid.addColumn(i -> String.join(", ", i.flags()).toLowerCase()).setHeader("Flags").setAutoWidth(true);
        grid.addColumn(i -> i.recommendation().toLowerCase() + (i.recommendationReason() == null ? "" : " (" + i.recommendationReason() + ")"))
                .setHeader("Recommendation").setAutoWidth(true);
        earlier = grid.addColumn(ReviewItem::earlierStages).setHeader("Earlier stages").setKey("earlier").setWidth("18rem");
        grid.addColumn(i -> i.outcome() == ReviewItem.Outcome.PENDING ? "" : i.outcome().name().toLowerCase()).setHeader("Decision").setAutoWidth(true);
        grid.addComponentColumn(this::actions).setKey("actions").setAutoWidth(true);
        grid.setSizeFull();
        approveSelected.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        approveSelected.addClickListener(e -> approveSelected());
        approveSelected.addClickShortcut(Key.KEY_B, KeyModifier.ALT);
        Shortcuts.addShortcutListener(this, () -> decideSelected(Decision.APPROVE), Key.KEY_A, KeyModifier.ALT);
        Shortcuts.addShortcutListener(this, () -> decideSelected(Decision.REVOKE), Key.KEY_R, KeyModifier.ALT);
        progress.setWidth("20rem");
        add(new H2("My reviews"), new HorizontalLayout(progress, progressText), new HorizontalLayout(approveSelected,
                new Span("Bulk approval takes only items without flags and without privileged access.")), grid);
        refresh();
    }

    private Component actions(ReviewItem item) {
        HorizontalLayout actions = new HorizontalLayout();
        actions.add(Buttons.small("Approve", () -> decide(item, Decision.APPROVE)), Buttons.small("Revoke", () -> decide(item, Decision.REVOKE)),
                Buttons.small("Reassign", () -> new ReassignDialog(decisions, item, this::refresh).open()));
        return actions;
    }

    void decide(ReviewItem item, Decision decision) {
        if (decision == Decision.REVOKE || item.needsCare()) {
            new CommentDialog((decision == Decision.REVOKE ? "Revoke " : "Keep ") + item.entitlement() + " of "
                    + (item.personName() == null ? item.accountName() : item.personName()),
                    decision == Decision.REVOKE ? "Why is it revoked?" : "Why does this " + (item.privileged() ? "privileged" : "flagged") + " access stay?",
                    comment -> {
                        decisions.decide(item.id(), item.version(), decision, comment);
                        refresh();
                    }).open();
        } else {
            decisions.decide(item.id(), item.version(), decision, null);
            refresh();
        }
    }

    private void decideSelected(Decision decision) {
        if (grid.getSelectedItems().size() == 1) {
            decide(grid.getSelectedItems().iterator().next(), decision);
        }
    }

    void approveSelected() {
        List<Long> ids = grid.getSelectedItems().stream().map(ReviewItem::id).toList();
        if (ids.isEmpty()) {
            Toasts.error("Select the items to approve");
            return;
        }
        try {
            int approved = decisions.approveAll(ids);
            Toasts.success(approved + " item(s) approved");
            refresh();
        } catch (IllegalArgumentException flagged) {
            Toasts.error(flagged.getMessage());
        }
    }

    void refresh() {
        List<ReviewItem> queue = decisions.myQueue(false);
        grid.setItems(queue);
        earlier.setVisible(queue.stream().anyMatch(i -> i.earlierStages() != null));
        grid.deselectAll();
        ReviewDecisions.Progress p = decisions.myProgress();
        progress.setValue(p.total() == 0 ? 1 : (double) p.decided() / p.total());
        progressText.setText(p.decided() + " of " + p.total() + " decided" + (p.pending() == 0 && p.total() > 0 ? " · done, thank you" : ""));
    }
}
