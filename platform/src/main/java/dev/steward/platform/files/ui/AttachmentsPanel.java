package dev.steward.platform.files.ui;

import dev.steward.platform.ui.DisplayTime;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.DownloadHandler;
import dev.steward.platform.files.Attachment;
import dev.steward.platform.files.AttachmentService;
import dev.steward.platform.files.FileSizes;
import dev.steward.platform.files.UploadedFile;

import java.io.IOException;
import java.io.InputStream;

/**
 * "Files" for any record, for plugins to drop into a record view: upload, list with SHA-256, download, delete with
 * a reason. Every action goes through {@link AttachmentService}, which checks the owning module's access policy.
 */
public class AttachmentsPanel extends VerticalLayout {


    final Upload upload = new Upload();
    final Grid<Attachment> grid = new Grid<>();
    final Paragraph message = new Paragraph();
    private final AttachmentService files;
    private final Attachment.Owner owner;
    final Paragraph whoCan;
    private final java.util.List<java.util.function.Consumer<Attachment>> uploadListeners = new java.util.ArrayList<>();
    private final dev.steward.platform.ui.WhoCan mayWrite;

    public AttachmentsPanel(AttachmentService files, Attachment.Owner owner) {
        this.files = files;
        this.owner = owner;
        setPadding(false);
        mayWrite = files.writeAccess(owner);
        whoCan = mayWrite.note(mayWrite.onlyCan("add or delete files here"));
        upload.setVisible(mayWrite.allowed());
        BoundedUpload.attach(upload, files.maxBytes(), this::receive, message::setText);
        grid.addComponentColumn(this::downloadLink).setHeader("File").setFlexGrow(1);
        grid.addColumn(a -> FileSizes.human(a.size())).setHeader("Size").setAutoWidth(true);
        grid.addColumn(a -> a.sha256().substring(0, 12) + "…").setHeader("SHA-256").setAutoWidth(true);
        grid.addColumn(a -> a.uploadedBy() + ", " + DisplayTime.format(a.uploadedAt())).setHeader("Added").setAutoWidth(true);
        grid.addComponentColumn(this::deleteButton).setKey("delete").setAutoWidth(true).setVisible(mayWrite.allowed());
        grid.setAllRowsVisible(true);
        add(upload, message, whoCan, grid);
        refresh();
    }

    /** Stores an uploaded file and shows it, or says why it was refused; the temporary file is deleted either way. */
    public void receive(UploadedFile file) {
        try (file; InputStream content = file.open()) {
            Attachment stored = files.upload(owner, file.fileName(), content);
            message.setText(stored.fileName() + " added (SHA-256 " + stored.sha256() + ")");
            uploadListeners.forEach(listener -> listener.accept(stored));
        } catch (IllegalArgumentException | org.springframework.security.access.AccessDeniedException e) {
            message.setText(e.getMessage());
        } catch (IOException e) {
            message.setText("The file could not be read: " + e.getMessage());
        }
        refresh();
    }

    /** Called after each file is stored (e.g. to start its chain of custody). */
    public void addUploadListener(java.util.function.Consumer<Attachment> listener) {
        uploadListeners.add(listener);
    }

    public void refresh() {
        grid.setItems(files.list(owner, false));
    }

    private Component downloadLink(Attachment a) {
        return new Anchor((DownloadHandler) event -> {
            event.setFileName(a.fileName());
            event.setContentType(a.contentType());
            event.getOutputStream().write(files.content(a.id()));
        }, a.fileName());
    }

    private Component deleteButton(Attachment a) {
        Button delete = new Button("Delete", e -> {
            Dialog dialog = new Dialog();
            dialog.setHeaderTitle("Delete " + a.fileName());
            TextField reason = new TextField("Why?");
            reason.setWidthFull();
            Paragraph error = new Paragraph();
            dialog.add(new Paragraph("The file is kept for the retention period, then removed; the reason is recorded."), reason, error);
            Button confirm = new Button("Delete", c -> {
                try {
                    files.delete(a.id(), reason.getValue());
                    dialog.close();
                    refresh();
                } catch (IllegalArgumentException | org.springframework.security.access.AccessDeniedException ex) {
                    error.setText(ex.getMessage());
                }
            });
            confirm.addThemeVariants(ButtonVariant.LUMO_ERROR);
            dialog.getFooter().add(new Button("Cancel", c -> dialog.close()), confirm);
            dialog.open();
        });
        delete.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        return delete;
    }
}
