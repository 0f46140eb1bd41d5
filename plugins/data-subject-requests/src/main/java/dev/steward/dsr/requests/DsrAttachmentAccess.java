package dev.steward.dsr.requests;

import dev.steward.dsr.DsrPermissions;
import dev.steward.platform.security.CurrentUser;
import dev.steward.platform.spi.AttachmentAccess;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

import static dev.steward.dsr.db.Tables.REQUEST;

/**
 * Files on requests (the original letter, a signed declaration, an agent's proof, the response): readers of requests
 * read them, the team adds them while the requester's data is kept; after the purge nothing is added.
 */
@Component
class DsrAttachmentAccess implements AttachmentAccess {

    static final String REQUEST_FILES = "request";

    private final DSLContext dsl;
    private final java.util.List<RecordFiles> others;

    DsrAttachmentAccess(DSLContext dsl, java.util.List<RecordFiles> others) {
        this.dsl = dsl;
        this.others = others;
    }

    @Override
    public String module() {
        return DsrPermissions.PLUGIN_ID;
    }

    @Override
    public boolean mayRead(String entityType, String entityId) {
        if (!REQUEST_FILES.equals(entityType)) {
            return others.stream().anyMatch(o -> o.entityType().equals(entityType) && o.mayRead(entityId));
        }
        return REQUEST_FILES.equals(entityType) && CurrentUser.hasPermission(DsrPermissions.READ) && exists(entityId, false);
    }

    @Override
    public boolean mayWrite(String entityType, String entityId) {
        if (!REQUEST_FILES.equals(entityType)) {
            return others.stream().anyMatch(o -> o.entityType().equals(entityType) && o.mayWrite(entityId));
        }
        return REQUEST_FILES.equals(entityType) && CurrentUser.hasPermission(DsrPermissions.WORK) && exists(entityId, true);
    }

    @Override
    public String writePermission() {
        return DsrPermissions.WORK;
    }

    private boolean exists(String entityId, boolean unpurgedOnly) {
        if (entityId == null || !entityId.matches("\\d{1,18}")) {
            return false;
        }
        return dsl.fetchExists(REQUEST, REQUEST.ID.eq(Long.parseLong(entityId)).and(unpurgedOnly ? REQUEST.PURGED_AT.isNull() : REQUEST.ID.isNotNull()));
    }
}
