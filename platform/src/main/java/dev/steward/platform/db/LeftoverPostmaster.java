package dev.steward.platform.db;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What a console killed without stopping (kill -9, an out-of-memory kill) leaves in the embedded server's data directory:
 * its PostgreSQL still running, or a {@code postmaster.pid} naming a process that is gone. Either makes the next start
 * fail ("Is another postmaster running"). Before starting, the orphan is stopped (fast shutdown, as {@code pg_ctl stop -m
 * fast}) and a stale file removed. Only that data directory's own postmaster is ever signalled, and only when no running
 * console holds the directory (zonky's {@code epg-lock}, held while a console's server runs).
 */
final class LeftoverPostmaster {

    private static final Logger log = LoggerFactory.getLogger(LeftoverPostmaster.class);
    static final String PID_FILE = "postmaster.pid";
    static final String CONSOLE_LOCK = "epg-lock";
    static final Duration STOP_WAIT = Duration.ofSeconds(60);

    private LeftoverPostmaster() {
    }

    static void clear(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve(PID_FILE);
        if (!Files.exists(pidFile)) {
            return;
        }
        try (FileChannel channel = FileChannel.open(dataDirectory.resolve(CONSOLE_LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = tryLock(channel)) {
            if (lock == null) {
                throw new IllegalStateException("The embedded PostgreSQL in " + dataDirectory + " is in use by another running Steward "
                        + "console. Stop that console first, or give this one another home (--steward.home).");
            }
            Optional<ProcessHandle> process = pidIn(pidFile).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive);
            if (process.isEmpty()) {
                log.warn("Removing the stale {} of the embedded PostgreSQL: its process is gone", pidFile);
                Files.deleteIfExists(pidFile);
            } else if (isPostmasterOf(process.get(), dataDirectory)) {
                log.warn("The embedded PostgreSQL (process {}) was left running by a console that did not stop: stopping it", process.get().pid());
                stop(process.get(), pidFile);
            } else if (isPostgres(process.get())) {
                throw new IllegalStateException("A PostgreSQL process (" + process.get().pid() + ") is named in " + pidFile
                        + " but could not be confirmed as this data directory's server. Stop it, then start Steward again.");
            } else {
                log.warn("Removing the stale {} of the embedded PostgreSQL: its process number now belongs to another program", pidFile);
                Files.deleteIfExists(pidFile);
            }
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException heldInThisJvm) {
            return null;
        }
    }

    private static Optional<Long> pidIn(Path pidFile) throws IOException {
        List<String> lines = Files.readAllLines(pidFile);
        try {
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.getFirst().trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean isPostgres(ProcessHandle process) {
        return process.info().command().map(command -> Path.of(command).getFileName().toString().startsWith("postgres")).orElse(false);
    }

    /** A postgres whose data directory is this one: given with -D on its command line, or its working directory (Linux). */
    static boolean isPostmasterOf(ProcessHandle process, Path dataDirectory) {
        if (!isPostgres(process)) {
            return false;
        }
        Path expected = dataDirectory.toAbsolutePath().normalize();
        String[] arguments = process.info().arguments().orElse(new String[0]);
        for (int i = 0; i + 1 < arguments.length; i++) {
            if (arguments[i].equals("-D") && Path.of(arguments[i + 1]).toAbsolutePath().normalize().equals(expected)) {
                return true;
            }
        }
        try {
            Path cwd = Path.of("/proc", Long.toString(process.pid()), "cwd");
            return Files.exists(cwd) && cwd.toRealPath().equals(expected.toRealPath());
        } catch (IOException | SecurityException e) {
            return false;
        }
    }

    /** Fast shutdown (SIGINT, what {@code pg_ctl stop -m fast} sends); SIGTERM where there is no kill command. */
    private static void stop(ProcessHandle postmaster, Path pidFile) throws IOException {
        if (!signalFastShutdown(postmaster.pid())) {
            postmaster.destroy();
        }
        try {
            postmaster.onExit().get(STOP_WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping the leftover embedded PostgreSQL", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("The leftover embedded PostgreSQL (process " + postmaster.pid() + ") did not stop within "
                    + STOP_WAIT.toSeconds() + " s. Stop it, then start Steward again.", e);
        }
        // the postmaster removes its pid file as it exits; a file still there is stale
        Files.deleteIfExists(pidFile);
    }

    private static boolean signalFastShutdown(long pid) {
        try {
            return new ProcessBuilder("kill", "-INT", Long.toString(pid)).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
