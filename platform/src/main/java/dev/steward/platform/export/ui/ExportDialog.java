package dev.steward.platform.export.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.server.streams.DownloadHandler;
import dev.steward.platform.export.ExportProgress;
import dev.steward.platform.files.TempFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs an export in the background into a temporary file, with a progress bar and a cancel button, then offers the
 * download. For plugins: {@code new ExportDialog("Breach register", "register.pdf", "application/pdf", total, job).open()}.
 * The job runs as the user who started it (their permissions apply). The temporary file is readable by the console's
 * user only and is deleted as soon as its download ends or fails, when the export fails or is cancelled, and when the
 * dialog is closed or its UI goes away (the session ends): it never waits for the JVM to stop.
 */
public class ExportDialog extends Dialog {

    /** Writes the export; reports rows written and stops when cancelled. Runs on a background thread. */
    @FunctionalInterface
    public interface Job {
        void write(OutputStream out, ExportProgress progress) throws IOException;
    }

    private static final Logger log = LoggerFactory.getLogger(ExportDialog.class);

    final ProgressBar progress = new ProgressBar();
    final Paragraph status = new Paragraph("Preparing…");
    final Anchor download = new Anchor();
    /** The background work, for tests to wait on. */
    volatile CompletableFuture<Void> work;
    volatile Path file;
    /** Streams the file once, then deletes it; for tests to call as the browser would. */
    DownloadHandler downloadHandler;
    private final AtomicBoolean cancelled = new AtomicBoolean();

    public ExportDialog(String title, String fileName, String contentType, long expectedRows, Job job) {
        setHeaderTitle(title);
        setWidth("min(30rem, 95vw)");
        download.setVisible(false);
        progress.setIndeterminate(expectedRows <= 0);
        add(progress, status, download);
        getFooter().add(new Button("Cancel", e -> {
            cancelled.set(true);
            close();
        }));
        addOpenedChangeListener(e -> {
            if (e.isOpened() && work == null) {
                start(fileName, contentType, expectedRows, job);
            } else if (!e.isOpened()) {
                discard();
            }
        });
        addDetachListener(e -> discard());
    }

    /** Stops the export and deletes its file, now or (while it is being written) as soon as the writer stops. */
    private void discard() {
        cancelled.set(true);
        download.setVisible(false);
        if (work == null) {
            return;
        }
        work.whenComplete((done, failed) -> delete());
    }

    private void start(String fileName, String contentType, long expectedRows, Job job) {
        UI ui = UI.getCurrent();
        try {
            file = TempFiles.create("steward-export-", "-" + fileName.replaceAll("[^A-Za-z0-9._-]", "_"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ExportProgress tracker = ExportProgress.of(rows -> ui.access(() -> {
            status.setText(rows + (expectedRows > 0 ? " of " + expectedRows : "") + " rows written");
            if (expectedRows > 0) {
                progress.setValue(Math.min(1, (double) rows / expectedRows));
            }
        }), cancelled::get);
        work = CompletableFuture.runAsync(new DelegatingSecurityContextRunnable(() -> {
            try {
                try (OutputStream out = Files.newOutputStream(file)) {
                    job.write(out, tracker);
                }
                if (cancelled.get()) {
                    throw new ExportProgress.Cancelled();
                }
                ui.access(() -> ready(fileName, contentType));
            } catch (ExportProgress.Cancelled | UIDetachedException e) {
                delete();
            } catch (IOException | RuntimeException e) {
                log.error("Export {} failed", fileName, e);
                delete();
                try {
                    ui.access(() -> status.setText("The export failed: " + e.getMessage()));
                } catch (UIDetachedException gone) {
                    // nobody is left to tell
                }
            }
        }), r -> Thread.ofVirtual().start(r));
    }

    /** Completes when the export has been written (or failed, or was cancelled). */
    public CompletableFuture<Void> completion() {
        return work == null ? CompletableFuture.completedFuture(null) : work;
    }

    /** The written file once ready. */
    public java.util.Optional<Path> file() {
        return download.isVisible() ? java.util.Optional.of(file) : java.util.Optional.empty();
    }

    private void ready(String fileName, String contentType) {
        if (cancelled.get()) {
            delete();
            return;
        }
        progress.setVisible(false);
        status.setText("Ready.");
        downloadHandler = event -> {
            event.setFileName(fileName);
            event.setContentType(contentType);
            try (var in = Files.newInputStream(file)) {
                event.setContentLength(Files.size(file));
                in.transferTo(event.getOutputStream());
            } catch (java.nio.file.NoSuchFileException gone) {
                event.getResponse().setStatus(410);
            } finally {
                delete();
                UI ui = event.getUI();
                if (ui != null) {
                    ui.access(this::downloaded);
                }
            }
        };
        download.setHref(downloadHandler);
        download.setText("Download " + fileName);
        download.getElement().setAttribute("type", contentType);
        download.setVisible(true);
    }

    /** After the one download: the file is gone, so the link goes too. */
    private void downloaded() {
        download.setVisible(false);
        status.setText("Downloaded. Run the export again for another copy.");
    }

    private void delete() {
        TempFiles.delete(file);
    }
}
