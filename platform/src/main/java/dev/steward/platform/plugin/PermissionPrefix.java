package dev.steward.platform.plugin;

import dev.steward.platform.spi.Permission;
import dev.steward.platform.spi.PermissionSet;

import java.util.Collection;
import java.util.Optional;

/**
 * A plugin defines, and grants to roles, only permissions named after itself ({@code <plugin id>.*}): otherwise a
 * dropped-in jar could grant itself, or any role, the host's ({@code platform.audit.read}) or another plugin's.
 */
public final class PermissionPrefix {

    private PermissionPrefix() {
    }

    public static boolean owns(String pluginId, String permissionKey) {
        return permissionKey != null && permissionKey.startsWith(pluginId + ".") && permissionKey.length() > pluginId.length() + 1;
    }

    /** Why the plugin's permission sets are refused, or empty when every key is its own. */
    static Optional<String> violation(String pluginId, Collection<?> permissionSets) {
        for (Object set : permissionSets) {
            for (Permission permission : ((PermissionSet) set).permissions()) {
                if (!owns(pluginId, permission.key())) {
                    return Optional.of("Refused: declares the permission '" + permission.key() + "', which is not its own;"
                            + " a plugin may only declare and grant permissions named '" + pluginId + ".…'");
                }
            }
        }
        return Optional.empty();
    }
}
