package dev.steward.platform.db;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Watches the embedded PostgreSQL under a running console. A console whose server died (killed, out of memory) would
 * stay up answering its sign-in page and fail every real request; instead it says why and stops with
 * {@link #EXIT_CODE}, so a service manager (systemd {@code Restart=on-failure}, a container runtime) starts it again,
 * and that start brings the server up again.
 */
final class EmbeddedServerWatch implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedServerWatch.class);
    static final int EXIT_CODE = 3;

    private final ProcessHandle postmaster;
    private volatile boolean closed;

    /** Watches the postmaster named in the data directory's pid file; {@code onDeath} runs if it ends before {@link #close}. */
    EmbeddedServerWatch(Path dataDirectory, Runnable onDeath) {
        this.postmaster = ProcessHandle.of(pidOf(dataDirectory)).orElseThrow(() ->
                new IllegalStateException("The embedded PostgreSQL in " + dataDirectory + " is not running"));
        postmaster.onExit().thenRun(() -> {
            // zonky's shutdown hook stops the server as the JVM exits, maybe before the console closes this watch
            if (!closed && !jvmShuttingDown()) {
                log.error("The embedded PostgreSQL (process {}) stopped unexpectedly: Steward cannot work without it and stops now. "
                        + "Start Steward again: it starts its database with it (the database's last messages are in this log).", postmaster.pid());
                onDeath.run();
            }
        });
    }

    /** Stops the console: its shutdown hook closes the application in order. */
    static Runnable exitTheConsole() {
        return () -> Thread.ofPlatform().name("steward-embedded-database-lost").start(() -> System.exit(EXIT_CODE));
    }

    private static boolean jvmShuttingDown() {
        try {
            Thread probe = new Thread(() -> { });
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException e) {
            return true;
        }
    }

    long pid() {
        return postmaster.pid();
    }

    private static long pidOf(Path dataDirectory) {
        try {
            return Long.parseLong(Files.readAllLines(dataDirectory.resolve(LeftoverPostmaster.PID_FILE)).getFirst().trim());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the embedded PostgreSQL's process number", e);
        }
    }

    /** The console is stopping its server on purpose. */
    @Override
    public void close() {
        closed = true;
    }
}
