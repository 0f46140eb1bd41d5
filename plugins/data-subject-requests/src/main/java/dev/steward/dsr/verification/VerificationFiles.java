package dev.steward.dsr.verification;

import dev.steward.dsr.DsrPermissions;
import dev.steward.platform.files.Attachment;
import dev.steward.platform.security.CurrentUser;
import dev.steward.platform.spi.AttachmentAccess;
import org.springframework.stereotype.Component;

/**
 * Files of the plugin's requests: verification proofs (declarations, agents' authority). Readers of requests may
 * download them, the team may add them. The platform asks one policy per module: other kinds of request files
 * (originals, evidence) belong here too when they come.
 */
@Component
class VerificationFiles implements AttachmentAccess {

    static Attachment.Owner owner(long requestId, Proof proof) {
        return new Attachment.Owner(DsrPermissions.PLUGIN_ID, proof.entityType(), String.valueOf(requestId));
    }

    @Override
    public String module() {
        return DsrPermissions.PLUGIN_ID;
    }

    @Override
    public boolean mayRead(String entityType, String entityId) {
        return entityType.startsWith(Proof.PREFIX) && CurrentUser.hasPermission(DsrPermissions.READ);
    }

    @Override
    public boolean mayWrite(String entityType, String entityId) {
        return entityType.startsWith(Proof.PREFIX) && CurrentUser.hasPermission(DsrPermissions.WORK);
    }

    @Override
    public String writePermission() {
        return DsrPermissions.WORK;
    }
}
