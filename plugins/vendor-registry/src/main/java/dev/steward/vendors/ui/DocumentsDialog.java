package dev.steward.vendors.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import dev.steward.platform.files.Attachment;
import dev.steward.platform.files.AttachmentService;
import dev.steward.platform.files.ui.AttachmentsPanel;
import dev.steward.vendors.VendorPermissions;

/** The files of one contract (the signed document) or certification (the certificate or report). */
class DocumentsDialog extends Dialog {

    final AttachmentsPanel files;

    DocumentsDialog(AttachmentService attachments, String entityType, long id, String title) {
        setHeaderTitle(title);
        setWidth("min(48rem, 95vw)");
        files = new AttachmentsPanel(attachments, new Attachment.Owner(VendorPermissions.PLUGIN_ID, entityType, String.valueOf(id)));
        add(files);
        getFooter().add(new Button("Close", e -> close()));
    }
}
