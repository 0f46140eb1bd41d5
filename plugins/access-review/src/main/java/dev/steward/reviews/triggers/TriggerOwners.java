package dev.steward.reviews.triggers;

import dev.steward.platform.security.PermissionCatalog;
import dev.steward.reviews.ReviewPermissions;
import dev.steward.reviews.db.tables.records.TriggerSettingsRecord;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

import static dev.steward.platform.db.generated.Tables.APP_USER;
import static dev.steward.platform.db.generated.Tables.USER_ROLE;
import static dev.steward.reviews.db.Tables.TRIGGER_SETTINGS;
import static org.jooq.impl.DSL.selectOne;

/**
 * The settings of triggered reviews and who owns them: the configured owner while they are an active user holding the
 * access-review administrator permission, otherwise the first such user (the lowest user id). Users and their roles are
 * read from the platform's tables, as the launch reads them (docs/decisions.md).
 */
@Component
class TriggerOwners {

    private final DSLContext dsl;
    private final PermissionCatalog permissions;

    TriggerOwners(DSLContext dsl, PermissionCatalog permissions) {
        this.dsl = dsl;
        this.permissions = permissions;
    }

    /** The one row of settings (V24 inserts it). */
    static TriggerSettingsRecord settings(DSLContext dsl) {
        return dsl.selectFrom(TRIGGER_SETTINGS).where(TRIGGER_SETTINGS.ID.eq(1)).fetchSingle();
    }

    /** Active users whose roles hold the access-review administrator permission, oldest account first. */
    List<String> administrators() {
        List<String> roles = permissions.permissionsByRole().entrySet().stream()
                .filter(e -> e.getValue().contains(ReviewPermissions.ADMIN)).map(e -> e.getKey().name()).toList();
        return dsl.select(APP_USER.USERNAME).from(APP_USER)
                .where(APP_USER.ACTIVE.isTrue())
                .andExists(selectOne().from(USER_ROLE).where(USER_ROLE.USER_ID.eq(APP_USER.ID)).and(USER_ROLE.ROLE.in(roles)))
                .orderBy(APP_USER.ID).fetch(APP_USER.USERNAME);
    }

    /** Who owns a triggered review now; empty when no user holds the administrator permission. */
    Optional<String> owner(TriggerSettingsRecord settings) {
        List<String> administrators = administrators();
        if (settings.getOwner() != null && administrators.contains(settings.getOwner())) {
            return Optional.of(settings.getOwner());
        }
        return administrators.stream().findFirst();
    }
}
