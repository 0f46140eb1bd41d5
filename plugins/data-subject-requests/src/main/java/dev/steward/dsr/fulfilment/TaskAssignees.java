package dev.steward.dsr.fulfilment;

import dev.steward.dsr.DsrPermissions;
import dev.steward.platform.security.PermissionCatalog;
import dev.steward.platform.security.Role;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who may be given tasks: active console users whose roles hold {@code dsr.tasks} or {@code dsr.work}; and the console
 * user of a person in the people directory (matched by email, as the platform's team directory does).
 */
@Component
class TaskAssignees {

    private static final String USER_OF_PERSON = """
            select u.username from platform.person p join platform.app_user u on lower(u.email) = lower(p.email) and u.active
            where p.id = ? order by u.id limit 1""";

    private final DSLContext dsl;
    private final PermissionCatalog permissions;

    TaskAssignees(DSLContext dsl, PermissionCatalog permissions) {
        this.dsl = dsl;
        this.permissions = permissions;
    }

    List<Assignee> assignable() {
        Set<Role> roles = new LinkedHashSet<>(permissions.rolesHolding(DsrPermissions.TASKS));
        roles.addAll(permissions.rolesHolding(DsrPermissions.WORK));
        Field<String> username = DSL.field("u.username", String.class);
        Field<String> displayName = DSL.field("u.display_name", String.class);
        return dsl.select(username, displayName).from("platform.app_user u")
                .where(DSL.condition("u.active"))
                .andExists(DSL.selectOne().from("platform.user_role r").where(DSL.condition("r.user_id = u.id"))
                        .and(DSL.field("r.role", String.class).in(roles.stream().map(Role::name).toList())))
                .orderBy(DSL.lower(displayName), username)
                .fetch(r -> new Assignee(r.value1(), r.value2()));
    }

    boolean mayBeAssigned(String username) {
        return assignable().stream().anyMatch(a -> a.username().equals(username));
    }

    Optional<String> of(Long personId) {
        return personId == null ? Optional.empty() : dsl.fetchOptional(USER_OF_PERSON, personId).map(r -> r.get(0, String.class));
    }
}
