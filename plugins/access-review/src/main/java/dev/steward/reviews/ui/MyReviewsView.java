package dev.steward.reviews.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.steward.platform.spi.RequiresPermission;
import dev.steward.platform.ui.Buttons;
import dev.steward.platform.ui.DisplayTime;
import dev.steward.platform.ui.Toasts;
import dev.steward.reviews.ReviewPermissions;
import dev.steward.reviews.decisions.ReviewDecisions;
import dev.steward.reviews.decisions.ReviewDecisions.Decision;
import dev.steward.reviews.decisions.ReviewItem;
import jakarta.annotation.security.PermitAll;

import java.time.Instant;
import java.util.List;

/**
 * A reviewer's queue, grouped by person, under the campaigns it comes from (name, due date, what is left): decide each
 * item (a comment where it matters), approve plain items in bulk, or hand an item on. Fits a 1366-pixel screen: long
 * values wrap, and the decision buttons stay at the right edge. Alt+A approves and Alt+R revokes the one selected
 * item; Alt+B approves the selection.
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
    final Button selectPlain = new Button("Select the plain items");
    final HorizontalLayout campaigns = new HorizontalLayout();
    /** The last "approve only the plain ones?" question, for tests. */
    ConfirmDialog plainOnly;
    /** What earlier review stages decided; shown only when the queue has items of a later stage. */
    final Grid.Column<ReviewItem> earlier;
    private final ReviewDecisions decisions;

    public MyReviewsView(ReviewDecisions decisions) {
        this.decisions = decisions;
        setSizeFull();
        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        grid.addColumn(i -> i.personName() == null ? "No person: account " + i.accountName() : i.personName() + " (" + i.accountName() + ")")
                .setHeader("Person (account)").setKey("person").setFlexGrow(3).setWidth("9rem");
        grid.addColumn(ReviewItem::system).setHeader("System").setFlexGrow(1).setWidth("5rem");
        grid.addColumn(ReviewItem::entitlement).setHeader("Entitlement").setFlexGrow(2).setWidth("7rem");
        grid.addColumn(i -> i.grantedVia() == null ? "" : i.grantedVia()).setHeader("How granted").setKey("granted").setFlexGrow(1).setWidth("5rem");
        grid.addColumn(MyReviewsView::flags).setHeader("Flags").setKey("flags").setFlexGrow(2).setWidth("7rem");
        grid.addColumn(i -> (i.recommendation().equals("REVOKE") ? "Revoke" : "Approve")
                        + (i.recommendationReason() == null ? "" : " (" + i.recommendationReason() + ")"))
                .setHeader("Recommended").setFlexGrow(2).setWidth("7rem");
        earlier = grid.addColumn(ReviewItem::earlierStages).setHeader("Earlier stages").setKey("earlier").setFlexGrow(2).setWidth("10rem");
        grid.addColumn(MyReviewsView::decision).setHeader("Decision").setKey("decision").setFlexGrow(0).setWidth("6.5rem");
        grid.addComponentColumn(this::actions).setKey("actions").setHeader("Decide").setAutoWidth(true).setFlexGrow(0).setFrozenToEnd(true);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        grid.setSizeFull();
        approveSelected.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        approveSelected.addClickListener(e -> approveSelected());
        approveSelected.addClickShortcut(Key.KEY_B, KeyModifier.ALT);
        selectPlain.addClickListener(e -> selectPlain());
        campaigns.setWrap(true);
        Shortcuts.addShortcutListener(this, () -> decideSelected(Decision.APPROVE), Key.KEY_A, KeyModifier.ALT);
        Shortcuts.addShortcutListener(this, () -> decideSelected(Decision.REVOKE), Key.KEY_R, KeyModifier.ALT);
        progress.setWidth("20rem");
        progress.getElement().setAttribute("aria-label", "Items decided");
        HorizontalLayout bulk = new HorizontalLayout(approveSelected, selectPlain,
                new Span("Bulk approval takes only items without flags and without privileged access."));
        bulk.setAlignItems(Alignment.CENTER);
        bulk.setWrap(true);
        add(new H2("My reviews"), campaigns, new HorizontalLayout(progress, progressText), bulk, grid);
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

    /** The item's flags in words, led by "escalated to you" for an item nobody decided in time. */
    static String flags(ReviewItem item) {
        return FlagWords.of(item, "escalated to you");
    }

    static String decision(ReviewItem item) {
        return switch (item.outcome()) {
            case PENDING -> "";
            case APPROVED -> "Approved" + (item.bulk() ? " (in bulk)" : "");
            case REVOKED -> "Revoked";
        };
    }

    /** Selects every undecided item that can be approved in bulk (no flag, no privileged access). */
    void selectPlain() {
        grid.deselectAll();
        grid.asMultiSelect().select(grid.getListDataView().getItems()
                .filter(i -> i.outcome() == ReviewItem.Outcome.PENDING && !i.needsCare()).toList());
        if (grid.getSelectedItems().isEmpty()) {
            Toasts.error("No undecided item is plain: each needs a decision of its own");
        }
    }

    void approveSelected() {
        List<ReviewItem> selected = List.copyOf(grid.getSelectedItems());
        if (selected.isEmpty()) {
            Toasts.error("Select the items to approve");
            return;
        }
        List<ReviewItem> plain = selected.stream().filter(i -> !i.needsCare()).toList();
        if (plain.size() < selected.size()) {
            int careful = selected.size() - plain.size();
            plainOnly = new ConfirmDialog("Approve only the plain items?", careful + " of the " + selected.size()
                    + " selected items are flagged or privileged: each needs a decision of its own. "
                    + (plain.isEmpty() ? "No plain item is selected." : "Approve the " + plain.size() + " plain item(s) now?"),
                    plain.isEmpty() ? "OK" : "Approve " + plain.size() + " plain item(s)", e -> {
                        if (!plain.isEmpty()) {
                            approve(plain.stream().map(ReviewItem::id).toList());
                        }
                    });
            plainOnly.setCancelable(!plain.isEmpty());
            plainOnly.open();
            return;
        }
        approve(plain.stream().map(ReviewItem::id).toList());
    }

    private void approve(List<Long> ids) {
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
        campaigns.removeAll();
        Instant now = Instant.now();
        decisions.myCampaigns().forEach(c -> campaigns.add(new Span(c.name() + " · due " + DisplayTime.due(c.dueAt()) + " ("
                + DisplayTime.countdown(c.dueAt(), now) + ") · " + c.pending() + " of " + c.total() + " left")));
        ReviewDecisions.Progress p = decisions.myProgress();
        progress.setValue(p.total() == 0 ? 1 : (double) p.decided() / p.total());
        progressText.setText(p.decided() + " of " + p.total() + " decided" + (p.pending() == 0 && p.total() > 0 ? " · done, thank you" : ""));
    }
}
