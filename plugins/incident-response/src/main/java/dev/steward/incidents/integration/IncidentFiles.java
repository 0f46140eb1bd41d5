package dev.steward.incidents.integration;

import dev.steward.incidents.IncidentPermissions;
import dev.steward.platform.security.CurrentUser;
import dev.steward.platform.spi.AttachmentAccess;
import org.springframework.stereotype.Component;

/** Evidence files of incidents: readers may download, those who work incidents may add and delete. */
@Component
class IncidentFiles implements AttachmentAccess {

    static final String ENTITY = dev.steward.incidents.work.CustodyLog.ENTITY;

    @Override
    public String module() {
        return IncidentPermissions.PLUGIN_ID;
    }

    @Override
    public boolean mayRead(String entityType, String entityId) {
        return ENTITY.equals(entityType) && CurrentUser.hasPermission(IncidentPermissions.READ);
    }

    @Override
    public String writePermission() {
        return IncidentPermissions.WORK;
    }

    @Override
    public boolean mayWrite(String entityType, String entityId) {
        return ENTITY.equals(entityType) && CurrentUser.hasPermission(IncidentPermissions.WORK);
    }
}
