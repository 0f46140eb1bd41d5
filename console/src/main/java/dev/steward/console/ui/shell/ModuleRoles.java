package dev.steward.console.ui.shell;

import dev.steward.platform.plugin.ExtensionRegistry;
import dev.steward.platform.plugin.PluginDescriptor;
import dev.steward.platform.security.CurrentUser;
import dev.steward.platform.security.PermissionCatalog;

import java.util.ArrayList;
import java.util.List;

/**
 * The modules (plugins) in which the signed-in user holds a permission, by name: those enabled and those an
 * administrator switched off. Empty states use it to say what is true for this user.
 *
 * @param installed every enabled module, whether the user has a role in it or not
 */
public record ModuleRoles(List<String> enabled, List<String> disabled, List<String> installed) {

    public static ModuleRoles of(ExtensionRegistry registry, PermissionCatalog catalog) {
        List<String> enabled = new ArrayList<>();
        List<String> disabled = new ArrayList<>();
        catalog.permissionsByPlugin().forEach((pluginId, permissions) -> {
            if (PluginDescriptor.HOST_ID.equals(pluginId)
                    || permissions.stream().noneMatch(p -> CurrentUser.hasPermission(p.key()))) {
                return;
            }
            (registry.isEnabled(pluginId) ? enabled : disabled).add(name(registry, pluginId));
        });
        List<String> installed = registry.plugins().stream()
                .filter(p -> !PluginDescriptor.HOST_ID.equals(p.id()) && p.enabled()).map(p -> p.descriptor().name()).toList();
        return new ModuleRoles(List.copyOf(enabled), List.copyOf(disabled), installed);
    }

    /** No role in any module that is switched on. */
    public boolean none() {
        return enabled.isEmpty();
    }

    /** "A", "A and B", "A, B and C". */
    public static String list(List<String> names) {
        if (names.size() <= 1) {
            return String.join("", names);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.getLast();
    }

    private static String name(ExtensionRegistry registry, String pluginId) {
        return registry.plugin(pluginId).map(p -> p.descriptor().name()).orElse(pluginId);
    }
}
