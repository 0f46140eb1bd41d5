package dev.steward.dsr.requests;

import dev.steward.dsr.DsrPermissions;
import dev.steward.platform.files.Attachment;

/** Where the files of a request are kept: the original letter or email, and others the team adds. */
public final class RequestFiles {

    static final String ENTITY = "request";

    private RequestFiles() {
    }

    public static Attachment.Owner owner(long requestId) {
        return new Attachment.Owner(DsrPermissions.PLUGIN_ID, ENTITY, String.valueOf(requestId));
    }
}
