package dev.steward.reviews.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.steward.platform.security.CurrentUser;
import dev.steward.platform.spi.RequiresPermission;
import dev.steward.platform.ui.DisplayTime;
import dev.steward.platform.ui.Buttons;
import dev.steward.platform.ui.Toasts;
import dev.steward.reviews.ReviewPermissions;
import dev.steward.reviews.campaigns.Campaign;
import dev.steward.reviews.campaigns.CampaignService;
import dev.steward.reviews.campaigns.CampaignStages;
import dev.steward.reviews.campaigns.ClosePreview;
import dev.steward.reviews.campaigns.RecurringCampaigns;
import dev.steward.reviews.campaigns.StagePreview;
import dev.steward.reviews.decisions.CampaignItems;
import dev.steward.reviews.evidence.CampaignReports;
import dev.steward.reviews.evidence.EvidencePack;
import dev.steward.reviews.systems.SystemService;
import dev.steward.reviews.triggers.Trigger;
import dev.steward.reviews.triggers.TriggeredReviews;
import jakarta.annotation.security.PermitAll;

import java.time.Instant;

/**
 * Campaigns: define, launch (freezes the items), close after seeing what the no-response rule will do; the report and
 * evidence pack of every launched campaign; campaigns repeated on a schedule, with their next run and last outcome.
 */
@Route("reviews/campaigns")
@PageTitle("Access-review campaigns · Steward")
@PermitAll
@RequiresPermission(ReviewPermissions.READ)
public class CampaignsView extends VerticalLayout {

    final Grid<Campaign> grid = new Grid<>();
    final Button create = new Button("New campaign", VaadinIcon.PLUS.create());
    final Grid<RecurringCampaigns.Schedule> schedules = new Grid<>();
    private final com.vaadin.flow.component.html.H3 schedulesTitle = new com.vaadin.flow.component.html.H3("Repeated campaigns");
    private final RecurringCampaigns recurring;
    private final CampaignService campaigns;
    private final boolean canAdminister = CurrentUser.hasPermission(ReviewPermissions.ADMIN);

    private final CampaignReports reports;
    private final EvidencePack evidence;
    private final CampaignStages stages;
    private final CampaignItems items;
    private final SystemService systems;
    /** Triggered reviews (movers, leavers, incidents): their settings and latest triggers, and each triggered campaign's trigger. */
    final Button triggered = new Button("Triggered reviews…", VaadinIcon.BOLT.create());
    private final TriggeredReviews triggeredReviews;
    private java.util.Map<Long, Trigger> triggers = java.util.Map.of();
    final com.vaadin.flow.component.html.Paragraph whoRuns;

    public CampaignsView(CampaignService campaigns, CampaignStages stages, SystemService systems, CampaignReports reports,
                         EvidencePack evidence, CampaignItems items, RecurringCampaigns recurring, TriggeredReviews triggeredReviews,
                         dev.steward.platform.security.PermissionCatalog permissions) {
        dev.steward.platform.ui.WhoCan mayRun = dev.steward.platform.ui.WhoCan.permission(permissions, ReviewPermissions.ADMIN);
        whoRuns = mayRun.note(mayRun.onlyCan("create, launch and close campaigns") + "; you can read them and their reports.");
        this.triggeredReviews = triggeredReviews;
        this.campaigns = campaigns;
        this.recurring = recurring;
        this.stages = stages;
        this.items = items;
        this.systems = systems;
        this.reports = reports;
        this.evidence = evidence;
        setSizeFull();
        grid.addColumn(Campaign::name).setHeader("Campaign").setFlexGrow(1).setWidth("12rem");
        grid.addColumn(c -> triggers.containsKey(c.id()) ? triggers.get(c.id()).kind().label() : "").setHeader("Trigger").setKey("trigger")
                .setAutoWidth(true).setTooltipGenerator(c -> triggers.containsKey(c.id()) ? triggers.get(c.id()).reason() : null);
        grid.addColumn(CampaignsView::status).setHeader("Status").setAutoWidth(true);
        grid.addColumn(Campaign::items).setHeader("Items").setAutoWidth(true);
        grid.addColumn(c -> DisplayTime.due(c.definition().dueAt())).setHeader("Due").setAutoWidth(true);
        grid.addColumn(Campaign::owner).setHeader("Owner").setAutoWidth(true);
        grid.addComponentColumn(this::actions).setKey("actions").setAutoWidth(true);
        grid.setSizeFull();
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setVisible(canAdminister);
        create.addClickListener(e -> new CampaignDialog(campaigns, systems.list(), this::refresh).open());
        schedules.addColumn(RecurringCampaigns.Schedule::templateName).setHeader("Repeats the campaign").setFlexGrow(1);
        schedules.addColumn(s -> s.frequency().label()).setHeader("How often").setAutoWidth(true);
        schedules.addColumn(s -> DisplayTime.format(s.nextRunAt())).setHeader("Next run").setAutoWidth(true);
        schedules.addColumn(s -> s.lastCampaignName() == null ? "" : s.lastCampaignName()).setHeader("Last launched").setAutoWidth(true);
        schedules.addColumn(s -> s.lastError() == null ? "" : s.lastError()).setHeader("Last run's problem").setFlexGrow(1);
        schedules.addColumn(RecurringCampaigns.Schedule::owner).setHeader("Owner").setAutoWidth(true);
        schedules.addComponentColumn(s -> {
            Button stop = Buttons.small("Stop", () -> {
                recurring.stop(s.id(), s.version());
                Toasts.success(s.templateName() + " no longer repeats");
                refresh();
            });
            stop.setVisible(canAdminister);
            return stop;
        }).setKey("actions").setAutoWidth(true);
        schedules.addThemeVariants(com.vaadin.flow.component.grid.GridVariant.LUMO_WRAP_CELL_CONTENT);
        schedules.setAllRowsVisible(true);
        triggered.addClickListener(e -> new TriggeredReviewsDialog(triggeredReviews, mayRun).open());
        add(new HorizontalLayout(new H2("Access-review campaigns"), create, triggered), whoRuns, grid, schedulesTitle, schedules);
        grid.setHeight(null);
        grid.setWidthFull();
        grid.setMinHeight("16rem");
        setFlexGrow(1, grid);
        refresh();
    }

    private Component actions(Campaign campaign) {
        HorizontalLayout actions = new HorizontalLayout();
        if (campaign.status() != Campaign.Status.DRAFT) {
            actions.add(Buttons.small("Items", () -> new CampaignItemsDialog(campaign, items, systems.list().stream()
                    .filter(s -> campaign.definition().systemIds().contains(s.id())).toList()).open()));
            actions.add(Buttons.small("Report", () -> new CampaignReportDialog(reports.report(campaign.id()), evidence).open()));
        }
        if (!canAdminister) {
            return actions;
        }
        if (campaign.status() == Campaign.Status.DRAFT) {
            actions.add(Buttons.small("Edit", () -> new CampaignDialog(campaigns, systems.list(), campaign, this::refresh).open()));
            actions.add(Buttons.small("Launch…", () -> confirmLaunch(campaign)));
            actions.add(Buttons.small("Delete…", () -> confirmDelete(campaign)));
        }
        if (campaign.hasNextStage()) {
            actions.add(Buttons.small("Next stage…", () -> new StagePreviewDialog(campaign, stages.preview(campaign.id()), () -> {
                StagePreview applied = stages.advance(campaign.id(), campaign.version());
                Toasts.success(campaign.name() + ": stage " + (applied.endingStage() + 1) + " opened with " + applied.goingOn() + " item(s)");
                refresh();
            }).open()));
        }
        if (!triggers.containsKey(campaign.id())) { // a triggered review covers one event: not repeated
            actions.add(Buttons.small("Repeat…", () -> new RepeatDialog(recurring, campaign, this::refresh).open()));
        }
        if (campaign.status() == Campaign.Status.ACTIVE) {
            actions.add(Buttons.small("Close…", () -> {
                ClosePreview preview = campaigns.closePreview(campaign.id());
                new ClosePreviewDialog(campaign, preview, () -> {
                    campaigns.close(campaign.id(), campaign.version());
                    Toasts.success(campaign.name() + " closed; " + preview.wouldRevoke() + " undecided item(s) revoked by the rule");
                    refresh();
                }).open();
            }));
        }
        return actions;
    }

    /** The last question asked (launch or delete a draft), for tests. */
    com.vaadin.flow.component.confirmdialog.ConfirmDialog question;

    private void confirmLaunch(Campaign campaign) {
        String scope = systems.list().stream().filter(s -> campaign.definition().systemIds().contains(s.id()))
                .map(dev.steward.reviews.systems.SystemInfo::name).sorted().collect(java.util.stream.Collectors.joining(", "));
        question = new com.vaadin.flow.component.confirmdialog.ConfirmDialog("Launch " + campaign.name() + "?",
                "The review items are frozen now from the current snapshots of " + scope + ", and every reviewer is told at once."
                        + " Due " + DisplayTime.due(campaign.definition().dueAt()) + ". A launched campaign cannot be edited or deleted.",
                "Launch", e -> {
                    Campaign launched = campaigns.launch(campaign.id(), campaign.version());
                    Toasts.success(launched.name() + " launched with " + launched.items() + " items");
                    refresh();
                });
        question.setCancelable(true);
        question.open();
    }

    private void confirmDelete(Campaign campaign) {
        question = new com.vaadin.flow.component.confirmdialog.ConfirmDialog("Delete the draft " + campaign.name() + "?",
                "It was never launched: nothing was frozen or decided.", "Delete", e -> {
                    campaigns.deleteDraft(campaign.id(), campaign.version());
                    Toasts.success(campaign.name() + " deleted");
                    refresh();
                });
        question.setConfirmButtonTheme("error primary");
        question.setCancelable(true);
        question.open();
    }

    static String status(Campaign c) {
        String status = c.status().name().toLowerCase();
        if (c.status() == Campaign.Status.ACTIVE && c.stageCount() > 1) {
            status += " · stage " + c.currentStage() + " of " + c.stageCount();
        }
        return status + (c.overdue(Instant.now()) ? " · overdue" : "");
    }

    void refresh() {
        triggers = triggeredReviews.byCampaign();
        grid.setItems(campaigns.list());
        var repeated = recurring.list();
        schedules.setItems(repeated);
        schedules.setVisible(!repeated.isEmpty());
        schedulesTitle.setVisible(!repeated.isEmpty());
    }
}
