package dev.steward.platform.security;

import dev.steward.platform.audit.AuditEvent;
import dev.steward.platform.audit.AuditTrail;
import org.jooq.DSLContext;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static dev.steward.platform.db.generated.Tables.USER_ROLE;

/**
 * Gives a user exactly these roles, in the caller's transaction and without a permission check of its own (callers
 * check): an administrator's edit, or the groups of a single sign-on user. Set-based, so the record listener does not
 * see it: one audit entry says what was granted and removed.
 */
public final class UserRoles {

    private final DSLContext dsl;
    private final AuditTrail audit;

    public UserRoles(DSLContext dsl, AuditTrail audit) {
        this.dsl = dsl;
        this.audit = audit;
    }

    /** True if the user's roles changed. {@code source}: where the roles came from, for the audit entry, or null. */
    public boolean replace(long userId, Collection<Role> roles, String source) {
        Set<String> before = new TreeSet<>(dsl.select(USER_ROLE.ROLE).from(USER_ROLE).where(USER_ROLE.USER_ID.eq(userId))
                .fetch(USER_ROLE.ROLE));
        Set<String> after = new TreeSet<>(roles.stream().map(Role::name).toList());
        if (before.equals(after)) {
            return false;
        }
        Set<String> removed = new TreeSet<>(before);
        removed.removeAll(after);
        Set<String> granted = new TreeSet<>(after);
        granted.removeAll(before);
        dsl.deleteFrom(USER_ROLE).where(USER_ROLE.USER_ID.eq(userId)).and(USER_ROLE.ROLE.in(removed)).execute();
        for (String role : granted) {
            dsl.insertInto(USER_ROLE).set(USER_ROLE.USER_ID, userId).set(USER_ROLE.ROLE, role).execute();
        }
        Map<String, Object> changed = new LinkedHashMap<>();
        changed.put("roles", List.copyOf(after));
        changed.put("granted", List.copyOf(granted));
        changed.put("removed", List.copyOf(removed));
        if (source != null) {
            changed.put("source", source);
        }
        audit.record(AuditEvent.of("platform", "app_user", userId, "ROLES_CHANGED")
                .before(Map.of("roles", List.copyOf(before))).after(changed));
        return true;
    }
}
