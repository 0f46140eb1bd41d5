package dev.steward.reviews.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.steward.platform.security.CurrentUser;
import dev.steward.platform.security.PermissionCatalog;
import dev.steward.platform.spi.RequiresPermission;
import dev.steward.platform.ui.Buttons;
import dev.steward.platform.ui.WhoCan;
import dev.steward.reviews.ReviewPermissions;
import dev.steward.reviews.imports.AccessImport;
import dev.steward.reviews.imports.Snapshots;
import dev.steward.reviews.ldap.LdapSourceService;
import dev.steward.reviews.systems.Entitlements;
import dev.steward.reviews.systems.SodRules;
import dev.steward.reviews.systems.SystemInfo;
import dev.steward.reviews.systems.SystemService;
import jakarta.annotation.security.PermitAll;

import java.util.List;
import java.util.Map;

/**
 * The systems whose access is reviewed: their owners, imports and history, entitlements and SoD rules.
 * {@code ?history=<system id>} opens a system's history (where global search's access hits lead).
 */
@Route("reviews/systems")
@PageTitle("Systems · Access reviews · Steward")
@PermitAll
@RequiresPermission(ReviewPermissions.READ)
public class SystemsView extends VerticalLayout implements AfterNavigationObserver {

    final Grid<SystemInfo> grid = new Grid<>();
    final Button add = new Button("New system", VaadinIcon.PLUS.create());
    final Button sodRules = new Button("SoD rules", VaadinIcon.SCALE_UNBALANCE.create());
    private final SystemService systems;
    private final AccessImport imports;
    private final LdapSourceService ldapSources;
    private final Entitlements entitlements;
    private final SodRules rules;
    private final Snapshots snapshots;
    /** Says who adds systems and imports their access, to a user who may only read them. */
    final Paragraph whoAdministers;
    private final boolean canAdminister = CurrentUser.hasPermission(ReviewPermissions.ADMIN);
    private Map<Long, String> owners = Map.of();

    public SystemsView(SystemService systems, AccessImport imports, LdapSourceService ldapSources, Entitlements entitlements,
                       SodRules rules, Snapshots snapshots, PermissionCatalog permissions) {
        WhoCan mayAdminister = WhoCan.permission(permissions, ReviewPermissions.ADMIN);
        whoAdministers = mayAdminister.note(mayAdminister.onlyCan("add and edit systems and import their access (CSV or LDAP)")
                + "; you can read their entitlements and history.");
        this.systems = systems;
        this.imports = imports;
        this.ldapSources = ldapSources;
        this.entitlements = entitlements;
        this.rules = rules;
        this.snapshots = snapshots;
        setSizeFull();
        grid.addColumn(SystemInfo::code).setHeader("Code").setAutoWidth(true);
        grid.addColumn(SystemInfo::name).setHeader("System").setFlexGrow(1);
        grid.addColumn(s -> owners.getOrDefault(s.id(), "")).setHeader("Owner").setKey("owner").setAutoWidth(true);
        grid.addColumn(s -> s.criticality().name().toLowerCase()).setHeader("Criticality").setAutoWidth(true);
        grid.addColumn(s -> s.personalData() ? "yes" : "no").setHeader("Personal data").setAutoWidth(true);
        grid.addColumn(s -> s.dormantAfterDays() == null ? "" : s.dormantAfterDays() + " days").setHeader("Dormant after").setAutoWidth(true);
        grid.addComponentColumn(this::actions).setKey("actions").setAutoWidth(true);
        grid.setSizeFull();
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        mayAdminister.apply(add, mayAdminister.onlyCan("add systems"));
        add.addClickListener(e -> new SystemDialog(systems, null, this::refresh).open());
        sodRules.addClickListener(e -> new SodRulesDialog(rules, entitlements, systems.list(), canAdminister).open());
        add(new HorizontalLayout(new H2("Systems and imports"), add, sodRules), whoAdministers, grid);
        refresh();
    }

    private Component actions(SystemInfo system) {
        HorizontalLayout actions = new HorizontalLayout();
        if (canAdminister) {
            Button importCsv = new Button("Import CSV", e -> new AccessImportDialog(imports, system).open());
            importCsv.addThemeVariants(ButtonVariant.LUMO_SMALL);
            Button ldap = Buttons.small("LDAP source", () -> new LdapSourceDialog(ldapSources, imports, system).open());
            Button edit = new Button("Edit", e -> new SystemDialog(systems, system, this::refresh).open());
            edit.addThemeVariants(ButtonVariant.LUMO_SMALL);
            actions.add(importCsv, ldap, edit);
        }
        actions.add(Buttons.small("Entitlements", () -> new EntitlementsDialog(systems, entitlements, system, canAdminister).open()),
                Buttons.small("History", () -> new HistoryDialog(snapshots, system).open()));
        return actions;
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        List<String> history = event.getLocation().getQueryParameters().getParameters().getOrDefault("history", List.of());
        if (history.size() == 1 && history.getFirst().matches("\\d{1,18}")) {
            long id = Long.parseLong(history.getFirst());
            systems.list().stream().filter(s -> s.id() == id).findFirst().ifPresent(s -> new HistoryDialog(snapshots, s).open());
        }
    }

    void refresh() {
        owners = systems.ownerNames();
        grid.setItems(systems.list());
    }
}
