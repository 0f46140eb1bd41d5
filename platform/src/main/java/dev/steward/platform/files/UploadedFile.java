package dev.steward.platform.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A file received by an upload (files.ui.BoundedUpload): within its size limit, in an owner-only temporary file. Whoever holds it
 * closes it when done, which deletes the file.
 */
public final class UploadedFile implements AutoCloseable {

    private final String fileName;
    private final Path path;
    private final long size;
    private final AtomicBoolean closed = new AtomicBoolean();

    private UploadedFile(String fileName, Path path, long size) {
        this.fileName = fileName;
        this.path = path;
        this.size = size;
    }

    /** Takes ownership of {@code path}: closing the result deletes it. */
    public static UploadedFile of(String fileName, Path path, long size) {
        return new UploadedFile(fileName, path, size);
    }

    /** The name the browser gave, without any directory. */
    /** A file holding {@code bytes}, as if uploaded: for tests and callers that already have the content. */
    public static UploadedFile copyOf(String fileName, byte[] bytes) {
        Path path = null;
        try {
            path = TempFiles.create("steward-upload-", ".part");
            Files.write(path, bytes);
            return new UploadedFile(fileName, path, bytes.length);
        } catch (IOException e) {
            TempFiles.delete(path);
            throw new java.io.UncheckedIOException(e);
        }
    }

    public String fileName() {
        return fileName;
    }

    public Path path() {
        return path;
    }

    public long size() {
        return size;
    }

    public InputStream open() throws IOException {
        return Files.newInputStream(path);
    }

    /** Deletes the temporary file; closing twice does nothing. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            TempFiles.delete(path);
        }
    }

    /** Closes {@code file} when it is not null: for holders that may have none yet. */
    public static void discard(UploadedFile file) {
        if (file != null) {
            file.close();
        }
    }
}
