package dev.steward.reviews.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.progressbar.ProgressBar;
import dev.steward.platform.ui.Background;
import dev.steward.platform.validation.InvalidInputException;
import dev.steward.platform.validation.InvalidInputException.Problem;
import dev.steward.reviews.imports.AccessImport;
import dev.steward.reviews.imports.ImportPreview;
import dev.steward.reviews.imports.ImportResult;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The preview and import of a system's saved LDAP settings, in the background with progress and cancel, problems
 * listed as in the CSV import. Its status line and progress bar also show the dialog's other background work (the
 * connection test). The preview and import buttons are the panel's; the dialog places them in its footer.
 */
class LdapImportPanel extends Div {

    final Button preview = new Button("Preview import");
    final Button commit = new Button("Import");
    final ProgressBar progress = new ProgressBar();
    final Paragraph status = new Paragraph();
    final Grid<Problem> problems = new Grid<>();
    /** The background work last started: an import, a preview or the dialog's connection test. */
    volatile CompletableFuture<Void> work = CompletableFuture.completedFuture(null);
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final AccessImport imports;
    private final long systemId;
    private final Consumer<Boolean> busyChanged;
    private final Runnable imported;
    private boolean ready;
    private String notReady;

    /**
     * @param busyChanged told true when background work starts and false when it ends (the dialog's own buttons follow)
     * @param imported    called after an import
     */
    LdapImportPanel(AccessImport imports, long systemId, Consumer<Boolean> busyChanged, Runnable imported) {
        this.imports = imports;
        this.systemId = systemId;
        this.busyChanged = busyChanged;
        this.imported = imported;
        problems.addColumn(Problem::message).setHeader("Problem").setFlexGrow(1);
        problems.setAllRowsVisible(true);
        problems.addThemeVariants(com.vaadin.flow.component.grid.GridVariant.LUMO_WRAP_CELL_CONTENT); // whole messages, not cut
        problems.setVisible(false);
        progress.setIndeterminate(true);
        progress.setVisible(false);
        commit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        preview.addClickListener(e -> run(false));
        commit.addClickListener(e -> run(true));
        add(progress, status, problems);
    }

    /**
     * Preview and import read the saved settings: only while the form shows them.
     *
     * @param why what to do to import, shown while not ready
     */
    void setReady(boolean ready, String why) {
        this.ready = ready;
        this.notReady = why;
        preview.setEnabled(ready);
        commit.setEnabled(ready);
        preview.setTooltipText(ready ? null : why);
        commit.setTooltipText(ready ? null : why);
    }

    void say(String text) {
        status.setText(text);
    }

    /** Runs work in the background, showing the text and progress until the work calls {@link #idle()} (in the UI). */
    void background(String text, Runnable task) {
        busy(text);
        work = Background.run(task);
    }

    void idle() {
        progress.setVisible(false);
        setReady(ready, notReady);
        busyChanged.accept(false);
    }

    /** Stops a running preview or import at its next row. */
    void cancel() {
        cancelled.set(true);
    }

    private void busy(String text) {
        problems.setVisible(false);
        progress.setVisible(true);
        status.setText(text);
        for (Button b : List.of(preview, commit)) {
            b.setEnabled(false);
        }
        busyChanged.accept(true);
    }

    private void run(boolean doCommit) {
        UI ui = UI.getCurrent();
        cancelled.set(false);
        AccessImport.Progress report = new AccessImport.Progress(
                rows -> ui.access(() -> status.setText(String.format("%,d memberships read…", rows))), cancelled::get);
        background("Reading the directory…", () -> {
            try {
                if (doCommit) {
                    ImportResult result = imports.commitLdap(systemId, report);
                    ui.access(() -> {
                        idle();
                        status.setText(AccessImportDialog.describe(result));
                        imported.run();
                    });
                } else {
                    ImportPreview changes = imports.previewLdap(systemId, report);
                    ui.access(() -> {
                        idle();
                        status.setText(AccessImportDialog.describe(changes));
                    });
                }
            } catch (InvalidInputException e) {
                ui.access(() -> {
                    idle();
                    status.setText("Nothing was imported. " + e.problems().size() + " problem(s)"
                            + (e.problems().size() >= 100 ? " (the first 100)" : "") + ":");
                    problems.setItems(e.problems());
                    problems.setVisible(true);
                });
            } catch (RuntimeException e) {
                ui.access(() -> {
                    idle();
                    status.setText(e.getMessage());
                });
            }
        });
    }
}
