package dev.steward.platform.security;

import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Set;

import static dev.steward.platform.db.generated.Tables.APP_USER;
import static dev.steward.platform.db.generated.Tables.USER_ROLE;

/**
 * The permissions of another user than the signed-in one, for deciding what a notice to them may say: those of an
 * active user's roles; none for an inactive or unknown user name.
 */
@Component
public class UserPermissions {

    private final DSLContext dsl;
    private final PermissionCatalog catalog;

    public UserPermissions(DSLContext dsl, PermissionCatalog catalog) {
        this.dsl = dsl;
        this.catalog = catalog;
    }

    public Set<String> of(String username) {
        if (username == null) {
            return Set.of();
        }
        List<Role> roles = dsl.select(USER_ROLE.ROLE).from(USER_ROLE).join(APP_USER).on(APP_USER.ID.eq(USER_ROLE.USER_ID))
                .where(APP_USER.USERNAME.eq(username)).and(APP_USER.ACTIVE.isTrue())
                .fetch(USER_ROLE.ROLE).stream().map(Role::valueOf).toList();
        return catalog.permissionsOf(roles);
    }

    public boolean holds(String username, String permission) {
        return permission != null && of(username).contains(permission);
    }
}
