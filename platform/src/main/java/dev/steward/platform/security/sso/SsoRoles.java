package dev.steward.platform.security.sso;

import dev.steward.platform.audit.AuditEvent;
import dev.steward.platform.audit.AuditTrail;
import dev.steward.platform.security.Role;
import org.jooq.DSLContext;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static dev.steward.platform.db.generated.Tables.USER_ROLE;

/** Gives a single sign-on user exactly the roles their groups map to, audited as one entry like an admin's edit. */
final class SsoRoles {

    private final DSLContext dsl;
    private final AuditTrail audit;

    SsoRoles(DSLContext dsl, AuditTrail audit) {
        this.dsl = dsl;
        this.audit = audit;
    }

    /** True if the user's roles changed. */
    boolean replace(long userId, Set<Role> roles, String provider) {
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
        audit.record(AuditEvent.of("platform", "app_user", userId, "ROLES_CHANGED")
                .before(Map.of("roles", List.copyOf(before)))
                .after(Map.of("roles", List.copyOf(after), "granted", List.copyOf(granted), "removed", List.copyOf(removed),
                        "source", "groups at " + provider)));
        return true;
    }
}
