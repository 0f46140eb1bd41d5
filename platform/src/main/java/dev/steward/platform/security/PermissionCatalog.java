package dev.steward.platform.security;

import dev.steward.platform.plugin.ExtensionRegistry;
import dev.steward.platform.plugin.PermissionPrefix;
import dev.steward.platform.spi.Permission;
import dev.steward.platform.spi.PermissionSet;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Every permission the host and the started plugins define, and which roles hold each. */
@Component
public class PermissionCatalog {

    private final ExtensionRegistry registry;

    public PermissionCatalog(ExtensionRegistry registry) {
        this.registry = registry;
    }

    /** Permissions by the id of the plugin that defines them. */
    public Map<String, List<Permission>> permissionsByPlugin() {
        Map<String, List<Permission>> result = new java.util.LinkedHashMap<>();
        registry.startedContributions(PermissionSet.class).forEach((plugin, sets) -> {
            // the registry refuses a plugin declaring another's permission; this also holds if its set changes later
            List<Permission> permissions = sets.stream().flatMap(s -> s.permissions().stream())
                    .filter(p -> PermissionPrefix.owns(plugin, p.key())).toList();
            if (!permissions.isEmpty()) {
                result.put(plugin, permissions);
            }
        });
        return result;
    }

    public Map<Role, Set<String>> permissionsByRole() {
        Map<Role, Set<String>> result = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            result.put(role, new TreeSet<>());
        }
        permissionsByPlugin().values().stream().flatMap(List::stream)
                .forEach(p -> p.defaultRoles().forEach(role -> result.get(role).add(p.key())));
        return result;
    }

    /** The roles that hold {@code permission} (in the order of {@link Role}); none for an unknown permission. */
    public List<Role> rolesHolding(String permission) {
        Map<Role, Set<String>> byRole = permissionsByRole();
        return java.util.Arrays.stream(Role.values()).filter(role -> byRole.get(role).contains(permission)).toList();
    }

    public Set<String> permissionsOf(Collection<Role> roles) {
        Map<Role, Set<String>> byRole = permissionsByRole();
        Set<String> result = new TreeSet<>();
        roles.forEach(role -> result.addAll(byRole.get(role)));
        return result;
    }
}
