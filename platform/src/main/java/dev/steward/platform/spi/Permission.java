package dev.steward.platform.spi;

import dev.steward.platform.security.Role;

import java.util.Set;

/**
 * A permission a plugin defines, with the roles that get it by default.
 *
 * @param key dotted, starting with the plugin id: {@code incidents.read}
 */
public record Permission(String key, String description, Set<Role> defaultRoles) {

    public Permission {
        defaultRoles = Set.copyOf(defaultRoles);
    }

    public static Permission of(String key, String description, Role... defaultRoles) {
        return new Permission(key, description, Set.of(defaultRoles));
    }
}
