package dev.steward.dsr.requests;

import dev.steward.dsr.DsrPermissions;
import dev.steward.platform.security.CurrentUser;
import dev.steward.platform.spi.AttachmentAccess;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

import java.util.List;

import static dev.steward.dsr.db.Tables.REQUEST;

/**
 * The one file policy of the plugin (the platform asks one per module). Files of a request — the original letter
 * ({@code request}), verification proofs ({@code verification.*}), the response ({@code response.*}) — have the
 * request's id as entity id: readers of requests read them, the team adds them while the requester's data is kept;
 * after the purge nothing is added. Other record types (a task's evidence) are decided by their part ({@link RecordFiles}).
 */
@Component
class DsrAttachmentAccess implements AttachmentAccess {

    static final String REQUEST_FILES = RequestFiles.ENTITY;
    private static final List<String> REQUEST_FILE_PREFIXES = List.of("verification.", "response.");

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
        if (!ofRequest(entityType)) {
            return others.stream().anyMatch(o -> o.entityType().equals(entityType) && o.mayRead(entityId));
        }
        return ofRequest(entityType) && CurrentUser.hasPermission(DsrPermissions.READ) && exists(entityId, false);
    }

    @Override
    public boolean mayWrite(String entityType, String entityId) {
        if (!ofRequest(entityType)) {
            return others.stream().anyMatch(o -> o.entityType().equals(entityType) && o.mayWrite(entityId));
        }
        return ofRequest(entityType) && CurrentUser.hasPermission(DsrPermissions.WORK) && exists(entityId, true);
    }

    @Override
    public String writePermission() {
        return DsrPermissions.WORK;
    }

    private static boolean ofRequest(String entityType) {
        return REQUEST_FILES.equals(entityType) || REQUEST_FILE_PREFIXES.stream().anyMatch(entityType::startsWith);
    }

    private boolean exists(String entityId, boolean unpurgedOnly) {
        if (entityId == null || !entityId.matches("\\d{1,18}")) {
            return false;
        }
        return dsl.fetchExists(REQUEST, REQUEST.ID.eq(Long.parseLong(entityId)).and(unpurgedOnly ? REQUEST.PURGED_AT.isNull() : REQUEST.ID.isNotNull()));
    }
}
