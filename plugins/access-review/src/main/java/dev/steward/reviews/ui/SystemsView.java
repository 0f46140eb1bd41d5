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
import dev.steward.platform.ui.Buttons;
import dev.steward.reviews.ReviewPermissions;
import dev.steward.reviews.imports.AccessImport;
import dev.steward.reviews.ldap.LdapSourceService;
import dev.steward.reviews.systems.SystemInfo;
import dev.steward.reviews.systems.SystemService;
import jakarta.annotation.security.PermitAll;

/** The systems whose access is reviewed, and their imports. */
@Route("reviews/systems")
@PageTitle("Systems · Access reviews · Steward")
@PermitAll
@RequiresPermission(ReviewPermissions.READ)
public class SystemsView extends VerticalLayout {

    final Grid<SystemInfo> grid = new Grid<>();
    final Button add = new Button("New system", VaadinIcon.PLUS.create());
    private final SystemService systems;
    private final AccessImport imports;
    private final LdapSourceService ldapSources;
    private final boolean canAdminister = CurrentUser.hasPermission(ReviewPermissions.ADMIN);

    public SystemsView(SystemService systems, AccessImport imports, LdapSourceService ldapSources) {
        this.systems = systems;
        this.imports = imports;
        this.ldapSources = ldapSources;
        setSizeFull();
        grid.addColumn(SystemInfo::code).setHeader("Code").setAutoWidth(true);
        grid.addColumn(SystemInfo::name).setHeader("System").setFlexGrow(1);
        grid.addColumn(s -> s.criticality().name().toLowerCase()).setHeader("Criticality").setAutoWidth(true);
        grid.addColumn(s -> s.personalData() ? "yes" : "no").setHeader("Personal data").setAutoWidth(true);
        grid.addColumn(s -> s.dormantAfterDays() == null ? "" : s.dormantAfterDays() + " days").setHeader("Dormant after").setAutoWidth(true);
        grid.addComponentColumn(this::actions).setKey("actions").setAutoWidth(true);
        grid.setSizeFull();
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.setVisible(canAdminister);
        add.addClickListener(e -> new SystemDialog(systems, null, this::refresh).open());
        add(new HorizontalLayout(new H2("Systems and imports"), add), grid);
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
        return actions;
    }

    void refresh() {
        grid.setItems(systems.list());
    }
}
