package dev.steward.incidents.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.steward.incidents.IncidentPermissions;
import dev.steward.incidents.obligations.NotificationRule;
import dev.steward.incidents.obligations.RuleService;
import dev.steward.incidents.obligations.RuleVersion;
import dev.steward.platform.ui.DisplayTime;
import dev.steward.platform.security.CurrentUser;
import dev.steward.platform.spi.RequiresPermission;
import jakarta.annotation.security.PermitAll;


/** The notification rules in force, each with its citation and version history; officers add and correct them. */
@Route("incidents/rules")
@PageTitle("Notification rules · Steward")
@PermitAll
@RequiresPermission(IncidentPermissions.READ)
public class RulesView extends VerticalLayout {

    final Grid<NotificationRule> grid = new Grid<>();
    final Button add = new Button("Add rule", VaadinIcon.PLUS.create());
    private final RuleService rules;
    private final boolean canManage = CurrentUser.hasPermission(IncidentPermissions.MANAGE_RULES);

    public RulesView(RuleService rules) {
        this.rules = rules;
        setSizeFull();
        grid.addColumn(NotificationRule::regime).setHeader("Regime").setAutoWidth(true);
        grid.addColumn(NotificationRule::recipient).setHeader("Recipient").setAutoWidth(true);
        grid.addColumn(r -> where(r.jurisdiction())).setHeader("Where").setAutoWidth(true);
        grid.addColumn(RulesView::trigger).setHeader("When").setFlexGrow(1);
        grid.addColumn(NotificationRule::deadlineText).setHeader("Deadline").setFlexGrow(1);
        grid.addColumn(NotificationRule::citation).setHeader("Citation").setAutoWidth(true);
        grid.addColumn(r -> r.effectiveFrom() + (r.effectiveTo() == null ? " →" : " → " + r.effectiveTo())).setHeader("Effective").setAutoWidth(true);
        grid.addColumn(r -> "v" + r.version()).setHeader("Version").setAutoWidth(true);
        grid.setItemDetailsRenderer(new ComponentRenderer<>(this::details));
        grid.setSizeFull();
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.setVisible(canManage);
        add.addClickListener(e -> new RuleDialog(rules, null, this::refresh).open());
        add(new HorizontalLayout(new H2("Notification rules"), add),
                new Paragraph("Rules decide which notices an incident calls for. A correction creates a new version; "
                        + "incidents keep the version their obligations were computed from. Open a row for its history."), grid);
        refresh();
    }

    private Component details(NotificationRule rule) {
        VerticalLayout details = new VerticalLayout();
        details.setPadding(false);
        if (rule.notes() != null) {
            details.add(new Paragraph(rule.notes()));
        }
        details.add(history(rule.key()));
        if (canManage) {
            details.add(new Button("Correct this rule", VaadinIcon.EDIT.create(), e -> new RuleDialog(rules, rule, this::refresh).open()));
        }
        return details;
    }

    /** Every version: who changed it, when, and why ("seed" versions came with the console). */
    Grid<RuleVersion> history(String ruleKey) {
        Grid<RuleVersion> history = new Grid<>();
        history.addColumn(v -> "v" + v.version() + (v.superseded() ? " (superseded)" : "")).setHeader("Version").setAutoWidth(true);
        history.addColumn(v -> v.effectiveFrom().toString()).setHeader("Effective from").setAutoWidth(true);
        history.addColumn(v -> "seed".equals(v.changedBy()) ? "Shipped with Steward" : v.changedBy()).setHeader("Changed by").setAutoWidth(true);
        history.addColumn(v -> DisplayTime.format(v.changedAt())).setHeader("When").setAutoWidth(true);
        history.addColumn(v -> v.reason() == null ? "" : v.reason()).setHeader("Why").setFlexGrow(1);
        history.setItems(rules.versions(ruleKey));
        history.setAllRowsVisible(true);
        history.addClassName("rule-history");
        return history;
    }

    /** The jurisdiction pattern in words: "*" is everyone affected, "US-*" each US state on its own. */
    static String where(String jurisdiction) {
        return switch (jurisdiction) {
            case "*" -> "Everyone affected";
            case "US-*" -> "Each US state";
            case "US" -> "United States";
            default -> jurisdiction;
        };
    }

    static String trigger(NotificationRule r) {
        StringBuilder text = new StringBuilder();
        if (r.minAffected() != null && r.minAffected() > 1) {
            text.append(r.minAffected()).append("+ affected; ");
        }
        if (r.maxAffected() != null) {
            text.append("at most ").append(r.maxAffected()).append(" affected; ");
        }
        if (r.minRisk() != null) {
            text.append(r.minRisk().label().toLowerCase()).append("; ");
        }
        if (r.phiOnly()) {
            text.append("PHI; ");
        }
        if (r.encryptionExempt()) {
            text.append("unless encrypted with a safe key; ");
        }
        text.append(switch (r.role()) {
            case "CONTROLLER" -> "we are the controller";
            case "PROCESSOR" -> "we are a processor";
            default -> "whether controller or processor";
        });
        return text.toString();
    }

    void refresh() {
        grid.setItems(rules.inForce());
    }
}
