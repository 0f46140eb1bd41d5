package dev.steward.platform.security.sso;

import dev.steward.platform.security.Role;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The roles a provider's groups give, by {@link SsoSettings#roleMapping()}: exact, case-sensitive group names. */
final class RoleMapping {

    private final SsoSettings settings;

    RoleMapping(SsoSettings settings) {
        this.settings = settings;
    }

    Set<Role> rolesOf(Map<String, Object> claims) {
        List<String> groups = groupsOf(claims);
        Set<Role> roles = EnumSet.noneOf(Role.class);
        settings.roleMapping().forEach((role, mapped) -> {
            if (mapped.stream().map(String::strip).anyMatch(groups::contains)) {
                roles.add(role);
            }
        });
        return roles;
    }

    List<String> groupsOf(Map<String, Object> claims) {
        Object value = claim(claims, settings.groupsClaim());
        List<String> groups = new ArrayList<>();
        if (value instanceof Collection<?> many) {
            many.stream().filter(g -> g != null).forEach(g -> groups.add(String.valueOf(g)));
        } else if (value != null) {
            groups.add(String.valueOf(value));
        }
        return groups;
    }

    /** A claim by its name, or else by a dotted path into nested objects (namespaced claim names contain dots). */
    static Object claim(Map<String, Object> claims, String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        if (claims.containsKey(name)) {
            return claims.get(name);
        }
        Object current = claims;
        for (String part : name.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(part);
        }
        return current;
    }
}
