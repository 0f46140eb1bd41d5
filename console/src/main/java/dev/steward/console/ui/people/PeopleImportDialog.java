package dev.steward.console.ui.people;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.upload.Upload;
import dev.steward.platform.files.UploadedFile;
import dev.steward.platform.files.ui.BoundedUpload;
import dev.steward.platform.ui.Toasts;
import dev.steward.platform.people.ImportCancelledException;
import dev.steward.platform.people.ImportPlan;
import dev.steward.platform.people.ImportResult;
import dev.steward.platform.people.PeopleCsvFormat;
import dev.steward.platform.people.PeopleImport;
import dev.steward.platform.people.RowError;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Upload a people CSV, watch it being checked (in the background, with progress), see what it would change or
 * every error with line and column, then import it all or nothing.
 */
class PeopleImportDialog extends Dialog {

    final Upload upload = new Upload();
    final ProgressBar progress = new ProgressBar();
    final Paragraph status = new Paragraph("Columns: " + String.join(", ", PeopleCsvFormat.COLUMNS)
            + ". UTF-8, one person per line; people not in the file are kept.");
    final Grid<RowError> errors = new Grid<>();
    final Grid<ImportPlan.Change> changes = new Grid<>();
    final Button confirm = new Button("Import");
    final Button cancel = new Button("Cancel");
    /** The background work in progress, for tests to wait on. */
    volatile CompletableFuture<Void> work = CompletableFuture.completedFuture(null);
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final PeopleImport people;
    private final Runnable imported;
    private ImportPlan plan;

    PeopleImportDialog(PeopleImport people, Runnable imported) {
        this.people = people;
        this.imported = imported;
        setHeaderTitle("Import people from CSV");
        setWidth("min(60rem, 95vw)");
        upload.setAcceptedFileTypes(".csv", "text/csv");
        BoundedUpload.attach(upload, people.maxBytes(), this::check, status::setText);
        progress.setVisible(false);
        errors.addColumn(e -> e.line() == 0 ? "file" : String.valueOf(e.line())).setHeader("Line").setAutoWidth(true);
        errors.addColumn(e -> e.column() == null ? "" : e.column()).setHeader("Column").setAutoWidth(true);
        errors.addColumn(RowError::message).setHeader("Problem").setFlexGrow(1);
        changes.addColumn(ImportPlan.Change::line).setHeader("Line").setAutoWidth(true);
        changes.addColumn(ImportPlan.Change::employeeId).setHeader("Employee id").setAutoWidth(true);
        changes.addColumn(ImportPlan.Change::fullName).setHeader("Name").setAutoWidth(true);
        changes.addColumn(c -> c.added() ? "new" : "changes " + String.join(", ", c.changedFields())).setHeader("What").setFlexGrow(1);
        errors.setVisible(false);
        changes.setVisible(false);
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.setEnabled(false);
        confirm.addClickListener(e -> commit());
        cancel.addClickListener(e -> {
            cancelled.set(true);
            close();
        });
        add(upload, progress, status, errors, changes);
        getFooter().add(cancel, confirm);
    }

    /**
     * Checks an uploaded file in the background; the dialog shows progress, then the preview or the errors. The plan
     * holds the checked rows, so the temporary file is deleted as soon as the check ends.
     */
    void check(UploadedFile file) {
        String fileName = file.fileName();
        UI ui = UI.getCurrent();
        plan = null;
        confirm.setEnabled(false);
        errors.setVisible(false);
        changes.setVisible(false);
        progress.setVisible(true);
        progress.setIndeterminate(true);
        status.setText("Checking " + fileName + "…");
        work = background(() -> {
            try {
                ImportPlan checked = people.prepare(file.path(), fileName, (phase, done, total) -> ui.access(() -> {
                    progress.setIndeterminate(total <= 0);
                    progress.setValue(total <= 0 ? 0 : Math.min(1, (double) done / total));
                    status.setText(phase + "… " + done + " of " + total);
                }), cancelled::get);
                ui.access(() -> show(checked));
            } catch (ImportCancelledException e) {
                ui.access(() -> status.setText(e.getMessage()));
            } catch (RuntimeException e) {
                ui.access(() -> {
                    progress.setVisible(false);
                    status.setText(fileName + " could not be checked: " + e.getMessage());
                });
            } finally {
                file.close();
            }
        });
    }

    private void show(ImportPlan checked) {
        plan = checked;
        progress.setVisible(false);
        if (!checked.importable()) {
            status.setText(checked.fileName() + " cannot be imported; nothing was changed. Fix these problems and upload it again:");
            errors.setItems(checked.errors());
            errors.setVisible(true);
            return;
        }
        ImportPlan.Preview p = checked.preview();
        status.setText(checked.fileName() + ": " + p.added() + " new, " + p.changed() + " changed, " + p.unchanged()
                + " unchanged; " + p.notInFile() + " people not in the file are kept."
                + (p.newOrgUnits().isEmpty() ? "" : " New org units: " + String.join(", ", p.newOrgUnits()) + "."));
        changes.setItems(p.changes());
        changes.setVisible(!p.changes().isEmpty());
        confirm.setText("Import " + (p.added() + p.changed()) + " changes");
        confirm.setEnabled(p.added() + p.changed() > 0);
    }

    private void commit() {
        UI ui = UI.getCurrent();
        ImportPlan toImport = plan;
        confirm.setEnabled(false);
        progress.setVisible(true);
        progress.setIndeterminate(true);
        status.setText("Importing " + toImport.rows().size() + " people…");
        work = background(() -> {
            try {
                ImportResult result = people.commit(toImport);
                ui.access(() -> {
                    Toasts.success("Imported: " + result.added() + " new, " + result.changed() + " changed");
                    imported.run();
                    close();
                });
            } catch (RuntimeException e) {
                ui.access(() -> {
                    progress.setVisible(false);
                    status.setText("The import failed and nothing was changed: " + e.getMessage());
                });
            }
        });
    }

    private static CompletableFuture<Void> background(Runnable task) {
        return CompletableFuture.runAsync(new DelegatingSecurityContextRunnable(task), r -> Thread.ofVirtual().start(r));
    }
}
