package dev.steward.console.ui.admin;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.steward.platform.security.PermissionCatalog;
import dev.steward.platform.security.PlatformPermissions;
import dev.steward.platform.security.Role;
import dev.steward.platform.spi.Permission;
import dev.steward.platform.spi.RequiresPermission;
import jakarta.annotation.security.PermitAll;

import java.util.ArrayList;
import java.util.List;

/** Which permission each role holds, per plugin: the matrix an auditor asks for. */
@Route("admin/roles")
@PageTitle("Roles & permissions · Steward")
@PermitAll
@RequiresPermission(PlatformPermissions.USERS_MANAGE)
public class RolesView extends VerticalLayout {

    record Row(String plugin, Permission permission) {
    }

    final Grid<Row> grid = new Grid<>();

    public RolesView(PermissionCatalog catalog) {
        setSizeFull();
        add(new H2("Roles & permissions"), new Paragraph("Each module defines its permissions and grants them to "
                + "roles by default. A user holds every permission of each of their roles."));
        List<Row> rows = new ArrayList<>();
        catalog.permissionsByPlugin().forEach((plugin, permissions) -> permissions.forEach(p -> rows.add(new Row(plugin, p))));
        grid.addColumn(Row::plugin).setHeader("Module").setAutoWidth(true);
        grid.addColumn(r -> r.permission().key()).setHeader("Permission").setAutoWidth(true);
        grid.addColumn(r -> r.permission().description()).setHeader("Allows").setFlexGrow(1);
        for (Role role : Role.values()) {
            grid.addColumn(r -> r.permission().defaultRoles().contains(role) ? "✓" : "").setHeader(role.label())
                    .setKey(role.name()).setAutoWidth(true);
        }
        grid.setItems(rows);
        grid.setSizeFull();
        add(grid);
    }
}
