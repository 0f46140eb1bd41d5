package dev.steward.console.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A consistent copy of the embedded PostgreSQL's data directory. With its server running (a console is up), the copy
 * is taken online as {@code pg_basebackup} does: between {@code pg_backup_start} and {@code pg_backup_stop}, followed by
 * the WAL written meanwhile and the backup label, so that the restored server replays it to a consistent state at its
 * first start. With no server running, the stopped data directory is copied as it is.
 * <p>
 * pg_dump is not used for the embedded server: its distribution has only the server programs, and a pg_dump must be
 * at least as new as the server (18).
 */
final class EmbeddedCopy {

    /** Contents PostgreSQL rebuilds at start, or that belong to the running server only (see "Making a Base Backup"). */
    private static final Set<String> EMPTIED = Set.of("pg_wal", "pg_replslot", "pg_dynshmem", "pg_notify", "pg_serial",
            "pg_snapshots", "pg_stat_tmp", "pg_subtrans");
    private static final Set<String> LEFT_OUT = Set.of("postmaster.pid", "postmaster.opts", "epg-lock", "backup_label.old");
    private static final Pattern START_WAL_FILE = Pattern.compile("START WAL LOCATION: \\S+ \\(file ([0-9A-F]{24})\\)");

    private EmbeddedCopy() {
    }

    /** Copies the data directory into {@code target}; returns "online" or "stopped". */
    static String copy(StewardHome home, Path target) throws IOException {
        Path data = home.dataDirectory();
        if (!Files.isRegularFile(data.resolve("PG_VERSION"))) {
            throw new BackupException("There is no embedded database in " + home.home() + " (no " + data.resolve("PG_VERSION")
                    + "). Give the home to back up with --steward.home, or configure spring.datasource.url for an external database.");
        }
        Optional<Integer> port = runningServerPort(data);
        if (port.isEmpty()) {
            copyTree(data, target, true);
            return "stopped";
        }
        String password = Files.readString(home.passwordsDirectory().resolve("postgres.password")).strip();
        Properties credentials = new Properties();
        credentials.setProperty("user", "postgres");
        credentials.setProperty("password", password);
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://localhost:" + port.get() + "/postgres", credentials);
             Statement statement = connection.createStatement()) {
            statement.execute("select pg_backup_start('steward backup', true)");
            String label;
            String tablespaceMap;
            try {
                copyTree(data, target, false);
            } finally {
                try (ResultSet stop = statement.executeQuery("select labelfile, spcmapfile from pg_backup_stop(false)")) {
                    stop.next();
                    label = stop.getString(1);
                    tablespaceMap = stop.getString(2);
                }
            }
            Files.writeString(target.resolve("backup_label"), label);
            if (tablespaceMap != null && !tablespaceMap.isBlank()) {
                Files.writeString(target.resolve("tablespace_map"), tablespaceMap);
            }
            copyWal(data.resolve("pg_wal"), target.resolve("pg_wal"));
            requireStartOfWal(label, target.resolve("pg_wal"));
            return "online";
        } catch (SQLException e) {
            throw new BackupException("Could not back up the running embedded PostgreSQL (port " + port.get() + "): " + e.getMessage(), e);
        }
    }

    /** The port of the server running on this data directory, from its {@code postmaster.pid}, if it is alive. */
    static Optional<Integer> runningServerPort(Path data) throws IOException {
        Path pidFile = data.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        try {
            long pid = Long.parseLong(lines.getFirst().trim());
            if (lines.size() < 4 || ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isEmpty()) {
                return Optional.empty(); // stale: left by a server that is gone
            }
            return Optional.of(Integer.parseInt(lines.get(3).trim()));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Files vanish and grow while the server runs: a vanished one is skipped, a torn page is repaired by the WAL. */
    private static void copyTree(Path from, Path to, boolean withWal) throws IOException {
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(from)) {
            paths = walk.toList();
        } catch (java.io.UncheckedIOException e) {
            if (e.getCause() instanceof NoSuchFileException) {
                copyTree(from, to, withWal); // a folder vanished mid-walk: walk again
                return;
            }
            throw e;
        }
        for (Path path : paths) {
            Path relative = from.relativize(path);
            if (left(relative, withWal)) {
                continue;
            }
            Path target = to.resolve(relative.toString());
            try {
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else if (Files.isRegularFile(path)) {
                    Files.createDirectories(target.getParent());
                    Files.copy(path, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                }
            } catch (NoSuchFileException vanished) {
                // dropped by the server meanwhile
            }
        }
    }

    private static boolean left(Path relative, boolean withWal) {
        if (relative.getNameCount() == 0) {
            return false;
        }
        String first = relative.getName(0).toString();
        if (relative.getNameCount() == 1) {
            return LEFT_OUT.contains(first) || first.startsWith("pgsql_tmp");
        }
        if (relative.getFileName().toString().startsWith("pgsql_tmp")) {
            return true;
        }
        return EMPTIED.contains(first) && !(withWal && first.equals("pg_wal"));
    }

    private static void copyWal(Path from, Path to) throws IOException {
        Files.createDirectories(to.resolve("archive_status"));
        try (Stream<Path> segments = Files.list(from)) {
            for (Path segment : segments.filter(Files::isRegularFile).toList()) {
                try {
                    Files.copy(segment, to.resolve(segment.getFileName().toString()));
                } catch (NoSuchFileException recycled) {
                    // an old segment the server removed meanwhile
                }
            }
        }
    }

    /** The WAL from the backup's start must be there, or the copy could not be made consistent. */
    private static void requireStartOfWal(String label, Path wal) {
        Matcher start = START_WAL_FILE.matcher(label);
        if (start.find() && !Files.exists(wal.resolve(start.group(1)))) {
            throw new BackupException("The embedded PostgreSQL recycled the WAL segment " + start.group(1) + " while the backup was "
                    + "being taken (a checkpoint under heavy writes). Run the backup again.");
        }
    }
}
