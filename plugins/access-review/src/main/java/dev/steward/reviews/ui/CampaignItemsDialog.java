package dev.steward.reviews.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import dev.steward.platform.ui.DisplayTime;
import dev.steward.reviews.campaigns.Campaign;
import dev.steward.reviews.decisions.CampaignItems;
import dev.steward.reviews.decisions.ItemPages;
import dev.steward.reviews.decisions.ReviewItem;
import dev.steward.reviews.systems.SystemInfo;

import java.util.List;

/**
 * Every item of a campaign for its administrators and auditors, filtered and paged in SQL. The grid does not count: it
 * loads pages as the user scrolls, each starting where the one before ended ({@link ItemPages}), so that scrolling
 * stays as fast at the millionth item as at the first.
 */
class CampaignItemsDialog extends Dialog {

    final Select<SystemInfo> system = new Select<>();
    final Select<ReviewItem.Outcome> outcome = new Select<>();
    final TextField reviewer = new TextField("Reviewer");
    final Checkbox flaggedOnly = new Checkbox("Flagged only");
    final Grid<ReviewItem> grid = new Grid<>();
    private final CampaignItems items;
    private final long campaignId;

    CampaignItemsDialog(Campaign campaign, CampaignItems items, List<SystemInfo> systems) {
        this.items = items;
        this.campaignId = campaign.id();
        setHeaderTitle("Items: " + campaign.name());
        system.setLabel("System");
        system.setItems(systems);
        system.setItemLabelGenerator(s -> s == null ? "Any" : s.name());
        system.setEmptySelectionAllowed(true);
        system.setEmptySelectionCaption("Any");
        outcome.setLabel("Decision");
        outcome.setItems(ReviewItem.Outcome.values());
        outcome.setItemLabelGenerator(o -> o == null ? "Any" : o.name().toLowerCase());
        outcome.setEmptySelectionAllowed(true);
        outcome.setEmptySelectionCaption("Any");
        reviewer.setValueChangeMode(ValueChangeMode.LAZY);
        reviewer.setClearButtonVisible(true);
        grid.addColumn(ReviewItem::system).setHeader("System").setAutoWidth(true);
        grid.addColumn(ReviewItem::accountName).setHeader("Account").setAutoWidth(true);
        grid.addColumn(i -> i.personName() == null ? "" : i.personName()).setHeader("Person").setAutoWidth(true);
        grid.addColumn(ReviewItem::entitlement).setHeader("Entitlement").setAutoWidth(true);
        grid.addColumn(i -> i.grantedVia() == null ? "" : i.grantedVia()).setHeader("How granted").setAutoWidth(true);
        grid.addColumn(i -> FlagWords.of(i, "escalated")).setHeader("Flags").setKey("flags").setAutoWidth(true);
        grid.addColumn(ReviewItem::reviewer).setHeader("Reviewer").setAutoWidth(true);
        grid.addColumn(i -> i.stage()).setHeader("Stage").setAutoWidth(true);
        grid.addColumn(i -> i.outcome().name().toLowerCase()).setHeader("Decision").setKey("outcome").setAutoWidth(true);
        grid.addColumn(i -> i.decidedBy() == null ? "" : i.decidedBy() + " · " + DisplayTime.format(i.decidedAt()))
                .setHeader("By, when").setAutoWidth(true);
        grid.addColumn(i -> i.comment() == null ? "" : i.comment()).setHeader("Comment").setFlexGrow(1);
        grid.setHeight("60vh");
        system.addValueChangeListener(e -> refresh());
        outcome.addValueChangeListener(e -> refresh());
        reviewer.addValueChangeListener(e -> refresh());
        flaggedOnly.addValueChangeListener(e -> refresh());
        HorizontalLayout filters = new HorizontalLayout(system, outcome, reviewer, flaggedOnly);
        filters.setDefaultVerticalComponentAlignment(HorizontalLayout.Alignment.BASELINE);
        add(filters, grid);
        getFooter().add(new Button("Close", e -> close()));
        setWidth("min(90rem, 95vw)");
        refresh();
    }

    void refresh() {
        CampaignItems.Filter filter = new CampaignItems.Filter(system.getValue() == null ? null : system.getValue().id(),
                outcome.getValue(), reviewer.getValue().isBlank() ? null : reviewer.getValue().strip(), flaggedOnly.getValue());
        ItemPages pages = ItemPages.of(items, campaignId, filter);
        grid.setItems(query -> pages.page(query.getOffset(), query.getLimit()).stream());
    }
}
