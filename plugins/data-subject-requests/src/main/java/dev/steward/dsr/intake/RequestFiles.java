package dev.steward.dsr.intake;

import dev.steward.dsr.DsrPermissions;
import dev.steward.platform.files.Attachment;
import dev.steward.platform.security.CurrentUser;
import dev.steward.platform.spi.AttachmentAccess;
import org.springframework.stereotype.Component;

/** Files of rights requests (the original letter or email, later evidence): readers may download, the team may add. */
@Component
class RequestFiles implements AttachmentAccess {

    static final String ENTITY = "request";

    static Attachment.Owner owner(long requestId) {
        return new Attachment.Owner(DsrPermissions.PLUGIN_ID, ENTITY, String.valueOf(requestId));
    }

    @Override
    public String module() {
        return DsrPermissions.PLUGIN_ID;
    }

    @Override
    public boolean mayRead(String entityType, String entityId) {
        return ENTITY.equals(entityType) && CurrentUser.hasPermission(DsrPermissions.READ);
    }

    @Override
    public boolean mayWrite(String entityType, String entityId) {
        return ENTITY.equals(entityType) && CurrentUser.hasPermission(DsrPermissions.WORK);
    }

    @Override
    public String writePermission() {
        return DsrPermissions.WORK;
    }
}
