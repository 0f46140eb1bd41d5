package dev.steward.console.ui.shell;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import dev.steward.platform.security.CurrentUser;
import dev.steward.platform.security.PlatformPermissions;

/**
 * A dashboard without cards says why, for this user: no role in any module (an administrator grants them under
 * Users, and an administrator is told so), or roles only in modules that have no card for them or are switched off.
 */
class EmptyDashboard extends Div {

    EmptyDashboard(ModuleRoles modules) {
        addClassName("steward-empty");
        boolean admin = CurrentUser.hasPermission(PlatformPermissions.USERS_MANAGE);
        if (modules.none()) {
            add(new Paragraph(admin ? adminWithoutModuleRole(modules) : "You have no role in any module yet, so there is "
                    + "nothing for you here. An administrator grants roles under Users: ask yours for the role you need."));
        } else {
            add(new Paragraph("Nothing on your dashboard yet: " + ModuleRoles.list(modules.enabled())
                    + (modules.enabled().size() == 1 ? " has" : " have") + " no cards for your role. Open "
                    + (modules.enabled().size() == 1 ? "it" : "them") + " from the menu."));
        }
        if (!modules.disabled().isEmpty()) {
            add(new Paragraph(ModuleRoles.list(modules.disabled()) + ", where you also have a role, "
                    + (modules.disabled().size() == 1 ? "is" : "are") + " switched off by an administrator."));
        }
        if (admin) {
            Paragraph links = new Paragraph(link("admin/users", "Give roles under Users"));
            if (CurrentUser.hasPermission(PlatformPermissions.GETTING_STARTED)) {
                links.add(new Span(" · "), link("getting-started", "Getting started"));
            }
            if (CurrentUser.hasPermission(PlatformPermissions.PLUGINS_MANAGE)) {
                links.add(new Span(" · "), link("admin/plugins", "Installed plugins"));
            }
            add(links);
        } else if (!modules.none()) {
            add(new Paragraph("If you expected to see something here, ask your administrator for access."));
        }
    }

    private static String adminWithoutModuleRole(ModuleRoles modules) {
        String installed = modules.installed().isEmpty() ? "No module is installed yet"
                : ModuleRoles.list(modules.installed()) + (modules.installed().size() == 1 ? " is" : " are") + " installed";
        return "Nothing on your dashboard yet: cards come from the modules, and the administrator role runs the console "
                + "(users, plugins, the audit log) but holds no role in any module. " + installed + ". To work in a "
                + "module, give yourself or others its role under Users.";
    }

    private static Anchor link(String route, String text) {
        Anchor link = new Anchor(route, text);
        link.getElement().setAttribute("router-link", true);
        return link;
    }
}
