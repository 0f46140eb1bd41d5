package dev.steward.dsr.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.steward.dsr.DsrPermissions;
import dev.steward.dsr.clocks.ClockRule;
import dev.steward.dsr.clocks.ClockRules;
import dev.steward.dsr.clocks.Promises;
import dev.steward.platform.security.PermissionCatalog;
import dev.steward.platform.spi.RequiresPermission;
import dev.steward.platform.ui.DisplayTime;
import dev.steward.platform.ui.WhoCan;
import jakarta.annotation.security.PermitAll;

/**
 * The clock rules per regime (as the law writes them, with their citations and version history) and the company's
 * promised response times. Administrators write new versions, each with the reason for the change.
 */
@Route("requests/clocks")
@PageTitle("Request clocks · Steward")
@PermitAll
@RequiresPermission(DsrPermissions.READ)
public class ClockRulesView extends VerticalLayout {

    final Grid<ClockRule> grid = new Grid<>();
    final PromisePanel promises;
    private final ClockRules rules;
    private final WhoCan admin;

    public ClockRulesView(ClockRules rules, Promises promises, PermissionCatalog permissions) {
        this.rules = rules;
        this.admin = WhoCan.permission(permissions, DsrPermissions.ADMIN);
        this.promises = new PromisePanel(promises, admin);
        grid.addColumn(r -> r.regime().label()).setHeader("Law").setWidth("12rem").setFlexGrow(1).setTooltipGenerator(r -> r.regime().label());
        grid.addColumn(ClockRule::answerText).setHeader("Answer within").setAutoWidth(true);
        grid.addColumn(ClockRule::extensionText).setHeader("Extension").setAutoWidth(true);
        grid.addColumn(ClockRule::ackText).setHeader("Acknowledge").setAutoWidth(true);
        grid.addColumn(r -> (r.pauseAllowed() ? "Waits for verification" : "Runs from receipt") + " · v" + r.version())
                .setHeader("While verifying · version").setAutoWidth(true);
        grid.addComponentColumn(this::actions).setHeader("").setKey("actions").setAutoWidth(true).setFlexGrow(0);
        grid.setItemDetailsRenderer(new ComponentRenderer<>(this::details));
        grid.setAllRowsVisible(true);
        add(new H2("Request clocks"),
                new Paragraph("What each law allows. A request's due date is the earlier of the law's and the company's promise. "
                        + "A change writes a new version; requests keep the version they were opened under. Open a row for its citation and history."),
                grid, admin.note(admin.onlyCan("change the clock rules or the company's promise")),
                new H3("The company's promise"), this.promises);
        refresh();
    }

    void refresh() {
        grid.setItems(rules.current());
    }

    private Component actions(ClockRule rule) {
        Button change = new Button("Change…", e -> new ClockRuleDialog(rules, rule, this::refresh).open());
        admin.apply(change, admin.onlyCan("change the clock rules"));
        return change;
    }

    private Component details(ClockRule rule) {
        VerticalLayout box = new VerticalLayout();
        box.setPadding(false);
        box.setSpacing(false);
        box.add(new Span(rule.citation() + " · time zone " + rule.zone().getId() + " · effective from " + rule.effectiveFrom()
                + (rule.effectiveTo() == null ? "" : " to " + rule.effectiveTo())));
        if (rule.notes() != null) {
            box.add(new Paragraph(rule.notes()));
        }
        if (rule.pauseAllowed()) {
            box.add(new Span("Waits for verification: " + rule.pauseCitation()));
        }
        for (ClockRule v : rules.versions(rule.regime())) {
            box.add(new Span("v" + v.version() + " · " + DisplayTime.format(v.changedAt()) + " · " + v.changedBy() + ": " + v.changeReason()));
        }
        return box;
    }
}
