package dev.steward.platform.files.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadFormat;
import dev.steward.platform.files.FileSizes;
import dev.steward.platform.files.TempFiles;
import dev.steward.platform.files.UploadedFile;
import com.vaadin.flow.function.SerializableConsumer;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Receives an upload with its size limit enforced on the server while the bytes arrive: a declared length over the
 * limit is refused before anything is read; otherwise the body is copied to an owner-only temporary file, at most
 * limit + 1 bytes are ever read, and the copy stops and is deleted as soon as the limit is passed. Nothing of the file
 * is kept in memory. The receiver gets an {@link UploadedFile} (on the UI thread) and deletes it by closing it; a
 * refusal is told to the UI in words ("The file is 412 MB; the limit is 50 MB") and to the browser as a rejected file.
 * Use it instead of {@code UploadHandler.inMemory}, which buffers the whole body before any check can run.
 */
public final class BoundedUpload implements UploadHandler {

    /** Takes an accepted file; runs on the UI thread and owns the file from then on (closes it when done). */
    @FunctionalInterface
    public interface Receiver extends java.io.Serializable {
        void received(UploadedFile file);
    }

    /** What became of one upload: a file within the limit, or the reason it was refused. */
    record Outcome(UploadedFile file, String refusal) {
    }

    private static final Logger log = LoggerFactory.getLogger(BoundedUpload.class);
    private static final int BUFFER = 64 * 1024;

    private final long maxBytes;
    private final Receiver receiver;
    private final SerializableConsumer<String> refused;

    private BoundedUpload(long maxBytes, Receiver receiver, SerializableConsumer<String> refused) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("An upload limit must be positive");
        }
        this.maxBytes = maxBytes;
        this.receiver = receiver;
        this.refused = refused;
    }

    /** An upload of at most {@code maxBytes}; {@code refused} gets the message to show when a file is refused. */
    public static BoundedUpload limitedTo(long maxBytes, Receiver receiver, SerializableConsumer<String> refused) {
        return new BoundedUpload(maxBytes, receiver, refused);
    }

    public long maxBytes() {
        return maxBytes;
    }

    /**
     * Puts a bounded upload on {@code upload}: the body is sent raw (streamed to this handler, never spooled by the
     * servlet container's multipart parser first), the browser is told the limit for an early refusal, and every
     * refusal, the browser's or the server's, reaches {@code refused}.
     */
    public static BoundedUpload attach(Upload upload, long maxBytes, Receiver receiver, SerializableConsumer<String> refused) {
        BoundedUpload handler = limitedTo(maxBytes, receiver, refused);
        upload.setUploadFormat(UploadFormat.RAW);
        upload.setUploadHandler(handler);
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, maxBytes)); // a hint; the server decides
        upload.addFileRejectedListener(e -> refused.accept(e.getErrorMessage()));
        return handler;
    }

    @Override
    public void handleUploadRequest(UploadEvent event) throws IOException {
        Outcome outcome = store(event.getFileName(), event.getFileSize(), event::getInputStream);
        if (outcome.refusal() != null) {
            log.info("Upload refused: {}", outcome.refusal());
            event.reject(outcome.refusal());
        }
        UI ui = event.getUI();
        try {
            ui.access(() -> {
                if (outcome.file() == null) {
                    refused.accept(outcome.refusal());
                    return;
                }
                try {
                    receiver.received(outcome.file());
                } catch (RuntimeException e) {
                    outcome.file().close();
                    throw e;
                }
            });
        } catch (RuntimeException uiGone) {
            UploadedFile.discard(outcome.file());
            throw uiGone;
        }
    }

    /** The multipart parser's own limits, so that a multipart body over the limit is refused by it too. */
    @Override
    public long getFileSizeMax() {
        return maxBytes;
    }

    @Override
    public long getFileCountMax() {
        return 1;
    }

    /** Copies at most limit + 1 bytes of the body to a temporary file; the file is deleted unless it is accepted. */
    Outcome store(String fileName, long declaredLength, java.util.function.Supplier<InputStream> body) throws IOException {
        String name = baseName(fileName);
        if (declaredLength > maxBytes) {
            return new Outcome(null, tooLarge(name, declaredLength));
        }
        Path file = TempFiles.create("steward-upload-", ".part");
        boolean kept = false;
        try (InputStream in = body.get(); OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[BUFFER];
            long total = 0;
            int read;
            while ((read = in.read(buffer, 0, (int) Math.min(buffer.length, maxBytes + 1 - total))) > 0) {
                total += read;
                if (total > maxBytes) {
                    return new Outcome(null, tooLarge(name, -1));
                }
                out.write(buffer, 0, read);
            }
            if (total == 0) {
                return new Outcome(null, "The file " + name + " is empty");
            }
            kept = true;
            return new Outcome(UploadedFile.of(name, file, total), null);
        } finally {
            if (!kept) {
                TempFiles.delete(file);
            }
        }
    }

    private String tooLarge(String name, long size) {
        return size > 0 ? "The file " + name + " is " + FileSizes.human(size) + "; the limit is " + FileSizes.human(maxBytes)
                : "The file " + name + " is larger than the limit of " + FileSizes.human(maxBytes);
    }

    private static String baseName(String fileName) {
        if (fileName == null || fileName.isBlank() || "unknown".equals(fileName)) {
            return "upload";
        }
        String name = fileName.replace('\\', '/');
        // the browser's name goes into messages and the log: no line breaks or other control characters
        return name.substring(name.lastIndexOf('/') + 1).replaceAll("\\p{Cntrl}", "_");
    }
}
