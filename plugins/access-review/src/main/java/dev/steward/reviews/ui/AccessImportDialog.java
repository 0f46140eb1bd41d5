package dev.steward.reviews.ui;

import dev.steward.platform.ui.Background;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.upload.Upload;
import dev.steward.platform.files.UploadedFile;
import dev.steward.platform.files.ui.BoundedUpload;
import dev.steward.platform.validation.InvalidInputException;
import dev.steward.platform.validation.InvalidInputException.Problem;
import dev.steward.reviews.imports.AccessImport;
import dev.steward.reviews.imports.ColumnMapping;
import dev.steward.reviews.imports.ImportPreview;
import dev.steward.reviews.imports.ImportResult;
import dev.steward.reviews.systems.SystemInfo;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Imports a system's accounts and entitlements: upload, map the columns, see what would be added, changed and
 * removed (or every problem with its line and column), then import. Both steps run in the background with progress
 * and can be cancelled; nothing is written until the import succeeds as a whole.
 */
class AccessImportDialog extends Dialog {

    final Upload upload = new Upload();
    final ComboBox<String> account = mapping("Account");
    final ComboBox<String> entitlement = mapping("Entitlement");
    final ComboBox<String> employeeId = mapping("Employee id");
    final ComboBox<String> email = mapping("Email");
    final ComboBox<String> displayName = mapping("Display name");
    final ComboBox<String> lastLogin = mapping("Last login");
    final ComboBox<String> grantedVia = mapping("How granted");
    final Button preview = new Button("Preview");
    final Button commit = new Button("Import");
    final Button cancel = new Button("Cancel");
    final ProgressBar progress = new ProgressBar();
    final Paragraph status = new Paragraph();
    final Grid<Problem> problems = new Grid<>();
    volatile CompletableFuture<Void> work = CompletableFuture.completedFuture(null);
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final AccessImport imports;
    private final SystemInfo system;
    private UploadedFile file;
    private String fileName;

    AccessImportDialog(AccessImport imports, SystemInfo system) {
        this.imports = imports;
        this.system = system;
        setHeaderTitle("Import accounts and entitlements of " + system.name());
        BoundedUpload.attach(upload, imports.maxBytes(), this::receive, status::setText);
        // the uploaded file lives in a temporary file until the dialog goes, and no longer than the work reading it
        addOpenedChangeListener(e -> {
            if (!e.isOpened()) {
                discardFile();
            }
        });
        addDetachListener(e -> discardFile());
        upload.setAcceptedFileTypes(".csv", "text/csv");
        problems.addColumn(Problem::line).setHeader("Line").setAutoWidth(true);
        problems.addColumn(p -> p.field() == null ? "" : p.field()).setHeader("Column").setAutoWidth(true);
        problems.addColumn(Problem::message).setHeader("Problem").setFlexGrow(1);
        problems.setAllRowsVisible(true);
        problems.setVisible(false);
        progress.setIndeterminate(true);
        progress.setVisible(false);
        preview.setEnabled(false);
        commit.setEnabled(false);
        commit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        preview.addClickListener(e -> run(false));
        commit.addClickListener(e -> run(true));
        cancel.addClickListener(e -> {
            cancelled.set(true);
            close();
        });
        add(upload, new FormLayout(account, entitlement, employeeId, email, displayName, lastLogin, grantedVia), progress, status, problems);
        getFooter().add(cancel, preview, commit);
        setWidth("min(56rem, 95vw)");
    }

    /** Reads the header and proposes the column mapping. */
    void receive(UploadedFile uploaded) {
        discardFile();
        String name = uploaded.fileName();
        file = uploaded;
        fileName = name;
        try {
            List<String> header = imports.header(uploaded.path());
            for (ComboBox<String> box : List.of(account, entitlement, employeeId, email, displayName, lastLogin, grantedVia)) {
                box.setItems(header);
            }
            ColumnMapping guess = ColumnMapping.guess(header);
            account.setValue(guess.account());
            entitlement.setValue(guess.entitlement());
            employeeId.setValue(guess.employeeId());
            email.setValue(guess.email());
            displayName.setValue(guess.displayName());
            lastLogin.setValue(guess.lastLogin());
            grantedVia.setValue(guess.grantedVia());
            status.setText(name + ": check the columns, then preview");
            preview.setEnabled(true);
        } catch (InvalidInputException e) {
            showProblems(e.problems());
        }
    }

    ColumnMapping mapping() {
        return new ColumnMapping(account.getValue(), entitlement.getValue(), employeeId.getValue(), email.getValue(),
                displayName.getValue(), lastLogin.getValue(), grantedVia.getValue());
    }

    private void run(boolean doCommit) {
        UI ui = UI.getCurrent();
        ColumnMapping mapping = mapping();
        java.nio.file.Path reading = file.path();
        cancelled.set(false);
        problems.setVisible(false);
        progress.setVisible(true);
        preview.setEnabled(false);
        commit.setEnabled(false);
        AccessImport.Progress report = new AccessImport.Progress(
                rows -> ui.access(() -> status.setText(String.format("%,d rows read…", rows))), cancelled::get);
        work = Background.run(() -> {
            try {
                if (doCommit) {
                    ImportResult result = imports.commit(system.id(), reading, fileName, mapping, report);
                    ui.access(() -> done(result));
                } else {
                    ImportPreview changes = imports.preview(system.id(), reading, mapping, report);
                    ui.access(() -> show(changes));
                }
            } catch (InvalidInputException e) {
                ui.access(() -> showProblems(e.problems()));
            } catch (RuntimeException e) {
                ui.access(() -> {
                    progress.setVisible(false);
                    preview.setEnabled(true);
                    status.setText(e.getMessage());
                });
            }
        });
    }

    private void discardFile() {
        UploadedFile old = file;
        file = null;
        if (old != null) {
            work.whenComplete((done, failed) -> old.close());
        }
    }

    private void show(ImportPreview p) {
        progress.setVisible(false);
        status.setText(describe(p));
        preview.setEnabled(true);
        commit.setEnabled(true);
    }

    private void done(ImportResult result) {
        progress.setVisible(false);
        status.setText(describe(result));
        cancel.setText("Close");
    }

    /** What a preview found, in one paragraph (shared with the LDAP dialog). */
    static String describe(ImportPreview p) {
        return String.format("%,d rows, %,d accounts. Grants: %,d added, %,d removed, %,d unchanged. Accounts: %,d added,"
                        + " %,d changed, %,d removed.%s%s", p.rows(), p.accounts(), p.grantsAdded(), p.grantsRemoved(), p.grantsKept(),
                p.accountsAdded(), p.accountsChanged(), p.accountsRemoved(),
                p.sampleAdded().isEmpty() ? "" : " Added e.g. " + String.join("; ", p.sampleAdded()) + ".",
                p.sampleRemoved().isEmpty() ? "" : " Removed e.g. " + String.join("; ", p.sampleRemoved()) + ".");
    }

    /** What an import did (shared with the LDAP dialog). */
    static String describe(ImportResult result) {
        return String.format("Imported as snapshot #%d: %,d grants added, %,d removed. Revocations verified: %d; "
                        + "revoked but not removed: %d.", result.importId(), result.changes().grantsAdded(), result.changes().grantsRemoved(),
                result.verified(), result.notRemoved());
    }

    private void showProblems(List<Problem> found) {
        progress.setVisible(false);
        status.setText("Nothing was imported. " + found.size() + " problem(s)" + (found.size() >= 100 ? " (the first 100)" : "") + ":");
        problems.setItems(found);
        problems.setVisible(true);
        preview.setEnabled(file != null);
    }

    private static ComboBox<String> mapping(String label) {
        ComboBox<String> box = new ComboBox<>(label);
        box.setClearButtonVisible(true);
        box.setPlaceholder("not in the file");
        return box;
    }
}
