package dev.steward.vendors.ui;

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
import dev.steward.platform.ui.Background;
import dev.steward.platform.validation.InvalidInputException;
import dev.steward.platform.validation.InvalidInputException.Problem;
import dev.steward.vendors.imports.ImportPreview;
import dev.steward.vendors.imports.VendorCsv;
import dev.steward.vendors.imports.VendorImport;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/** Import vendors and services from CSV: preview, every problem with its line and column, then all or nothing. */
class VendorImportDialog extends Dialog {

    final Upload upload = new Upload();
    final Paragraph status = new Paragraph("Choose a CSV file (UTF-8). Columns: " + String.join(", ", VendorCsv.COLUMNS));
    final Grid<Problem> problems = new Grid<>();
    final Button preview = new Button("Preview");
    final Button commit = new Button("Import");
    final Button cancel = new Button("Cancel import");
    final ProgressBar progress = new ProgressBar();
    CompletableFuture<Void> work = CompletableFuture.completedFuture(null);
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final VendorImport imports;
    private final Runnable onImported;
    private UploadedFile file;
    private String fileName;
    private int records;

    VendorImportDialog(VendorImport imports, Runnable onImported) {
        this.imports = imports;
        this.onImported = onImported;
        setHeaderTitle("Import vendors and services");
        setWidth("min(60rem, 95vw)");
        upload.setAcceptedFileTypes(".csv", "text/csv");
        BoundedUpload.attach(upload, imports.maxBytes(), this::receive, status::setText);
        // the uploaded file lives in a temporary file until the dialog goes, and no longer than the work reading it
        addOpenedChangeListener(e -> {
            if (!e.isOpened()) {
                discardFile();
            }
        });
        addDetachListener(e -> discardFile());
        problems.addColumn(p -> p.line() == 0 ? "" : String.valueOf(p.line())).setHeader("Line").setAutoWidth(true);
        problems.addColumn(p -> p.field() == null ? "" : p.field()).setHeader("Column").setAutoWidth(true);
        problems.addColumn(Problem::message).setHeader("Problem").setFlexGrow(1);
        problems.setVisible(false);
        problems.setAllRowsVisible(true);
        preview.setEnabled(false);
        commit.setEnabled(false);
        commit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        preview.addClickListener(e -> preview());
        commit.addClickListener(e -> commit());
        cancel.addClickListener(e -> cancelled.set(true));
        cancel.setVisible(false);
        progress.setVisible(false);
        add(upload, status, progress, problems);
        getFooter().add(new Button("Close", e -> close()), preview, cancel, commit);
    }

    void receive(UploadedFile uploaded) {
        discardFile();
        String name = uploaded.fileName();
        fileName = name;
        file = uploaded;
        preview.setEnabled(true);
        commit.setEnabled(false);
        status.setText(name + " received; preview it before importing.");
    }

    void preview() {
        ImportPreview result = imports.preview(file.path());
        show(result.problems());
        if (result.importable()) {
            status.setText(fileName + ": adds " + result.vendors() + " vendor(s), " + result.services() + " service(s), " + result.processing()
                    + " processing record(s). Nothing is written until you import.");
            records = result.vendors() + result.services() + result.processing();
            commit.setEnabled(true);
        } else {
            status.setText(result.problems().size() + " problem(s); nothing can be imported until they are fixed.");
        }
    }

    /** Writes the file in the background (a large one takes a while), with a progress bar and a way to cancel. */
    void commit() {
        UI ui = UI.getCurrent();
        UploadedFile writing = file;
        cancelled.set(false);
        commit.setEnabled(false);
        preview.setEnabled(false);
        cancel.setVisible(true);
        progress.setMin(0);
        progress.setMax(Math.max(1, records));
        progress.setValue(0);
        progress.setVisible(true);
        VendorImport.Progress report = new VendorImport.Progress(n -> {
            if (n % 50 == 0 || n == records) {
                ui.access(() -> {
                    progress.setValue(Math.min(n, progress.getMax()));
                    status.setText(String.format("%,d of %,d records written…", n, records));
                });
            }
        }, cancelled::get);
        work = Background.run(() -> {
            try {
                ImportPreview done = imports.commit(writing.path(), report);
                ui.access(() -> {
                    finished("Imported " + done.vendors() + " vendor(s), " + done.services() + " service(s), " + done.processing()
                            + " processing record(s).");
                    onImported.run();
                });
            } catch (InvalidInputException e) {
                ui.access(() -> {
                    show(e.problems());
                    finished("Nothing was imported: " + e.getMessage());
                });
            } catch (RuntimeException e) {
                ui.access(() -> {
                    finished(e instanceof VendorImport.Cancelled ? e.getMessage() : "Nothing was imported: " + e.getMessage());
                    preview.setEnabled(true);
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

    private void finished(String message) {
        progress.setVisible(false);
        cancel.setVisible(false);
        status.setText(message);
    }

    private void show(List<Problem> list) {
        problems.setItems(list);
        problems.setVisible(!list.isEmpty());
    }
}
