package dev.steward.console.backup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Restores a {@link HomeBackup} archive into an empty Steward home (and, for an external database, an empty database):
 * the database with its roles and passwords as they were (embedded), or loaded by pg_restore as the console's role
 * (external: the console seals the audit log again at its next start), the files, and the secrets key, so that the
 * console starts on the same data and the audit chain verifies. It never writes over anything.
 */
public final class HomeRestore {

    private HomeRestore() {
    }

    public static String restore(StewardHome home, Path archive) throws IOException {
        if (!Files.isRegularFile(archive)) {
            throw new BackupException("There is no backup file " + archive.toAbsolutePath());
        }
        requireEmpty(home);
        Files.createDirectories(home.home());
        Path staging = Files.createTempDirectory(home.home(), ".restoring-");
        try {
            try (InputStream in = Files.newInputStream(archive)) {
                TarGz.unpack(in, staging);
            }
            Properties manifest = manifest(staging);
            StringBuilder summary = new StringBuilder("Restored " + archive.toAbsolutePath() + " (taken " + manifest.getProperty("created")
                    + ") into " + home.home() + ":\n");
            if ("embedded".equals(manifest.getProperty("database"))) {
                if (!home.embedded()) {
                    throw new BackupException("This backup holds an embedded database: restore it into a home with no "
                            + "spring.datasource.url configured (the console's embedded default)");
                }
                Path data = home.dataDirectory();
                Files.createDirectories(data.getParent());
                OwnerOnly.folder(data.getParent());
                Files.move(staging.resolve(HomeBackup.EMBEDDED), data);
                OwnerOnly.folder(data); // PostgreSQL refuses a data directory others may read
                Files.move(staging.resolve(HomeBackup.PASSWORDS), home.passwordsDirectory());
                OwnerOnly.folder(home.passwordsDirectory());
                summary.append("  the embedded database, with its roles and passwords (it finishes its recovery at the first start)\n");
            } else if ("pg_dump".equals(manifest.getProperty("database"))) {
                if (home.embedded()) {
                    throw new BackupException("This backup holds a pg_dump of an external database: configure spring.datasource.url "
                            + "(and username, password) to an empty database on a PostgreSQL " + manifest.getProperty("postgresql")
                            + " or newer, then restore");
                }
                PgTools.Connection connection = PgTools.Connection.of(home.datasourceUrl(), home.username(), home.password());
                new PgTools(home.pgBin()).restore(connection, staging.resolve(HomeBackup.DUMP));
                summary.append("  database ").append(connection.database()).append(" on ").append(connection.host())
                        .append(", owned by ").append(connection.user()).append(" (the console seals its audit log at the next start)\n");
            } else {
                throw new BackupException("This backup's manifest names no database: it is not a Steward backup");
            }
            if (Files.isDirectory(staging.resolve(HomeBackup.FILES))) {
                Files.createDirectories(home.filesDirectory().getParent());
                moveOrCopy(staging.resolve(HomeBackup.FILES), home.filesDirectory());
                summary.append("  the file storage directory ").append(home.filesDirectory()).append('\n');
            }
            switch (manifest.getProperty("secrets-key", "none")) {
                case "included" -> {
                    Files.createDirectories(home.secretsKeyFile().getParent());
                    Files.copy(staging.resolve(HomeBackup.SECRETS_KEY), home.secretsKeyFile(), StandardCopyOption.COPY_ATTRIBUTES);
                    OwnerOnly.file(home.secretsKeyFile());
                    summary.append("  the secrets key ").append(home.secretsKeyFile()).append('\n');
                }
                case "configured" -> summary.append("  NOT the secrets key: it was set by steward.secrets.key; set the same value here\n");
                default -> { }
            }
            return summary.append("Start the console on this home; ./steward verify-audit checks the audit chain.").toString();
        } finally {
            OwnerOnly.delete(staging);
        }
    }

    /** Nothing may be overwritten: the home holds nothing but the log of this very command. */
    private static void requireEmpty(StewardHome home) throws IOException {
        if (Files.isDirectory(home.home())) {
            List<String> found;
            try (Stream<Path> entries = Files.list(home.home())) {
                found = entries.map(p -> p.getFileName().toString()).filter(name -> !name.equals("logs")).sorted().toList();
            }
            if (!found.isEmpty()) {
                throw new BackupException("The Steward home " + home.home() + " is not empty (it holds " + String.join(", ", found)
                        + "). Restore only into a new or empty home: move this one aside, or name another with --steward.home=…");
            }
        }
        if (!home.secretsKeyConfigured() && Files.exists(home.secretsKeyFile())) {
            throw new BackupException("A secrets key exists already at " + home.secretsKeyFile() + ": restore into a home without one");
        }
        if (Files.isDirectory(home.filesDirectory())) {
            try (Stream<Path> entries = Files.list(home.filesDirectory())) {
                if (entries.findAny().isPresent()) {
                    throw new BackupException("The file storage directory " + home.filesDirectory() + " is not empty: restore into an empty one");
                }
            }
        }
        if (!home.embedded()) {
            requireEmptyDatabase(home);
        }
    }

    private static void requireEmptyDatabase(StewardHome home) {
        Properties credentials = new Properties();
        if (home.username() != null) {
            credentials.setProperty("user", home.username());
        }
        if (home.password() != null) {
            credentials.setProperty("password", home.password());
        }
        try (Connection connection = DriverManager.getConnection(home.datasourceUrl(), credentials);
             Statement statement = connection.createStatement();
             ResultSet schemas = statement.executeQuery("select string_agg(nspname, ', ' order by nspname) from pg_namespace"
                     + " where nspname not like 'pg\\_%' and nspname not in ('information_schema', 'public')")) {
            schemas.next();
            if (schemas.getString(1) != null) {
                throw new BackupException("The database " + home.datasourceUrl() + " is not empty (schemas " + schemas.getString(1)
                        + "). Restore only into a new, empty database.");
            }
        } catch (SQLException e) {
            throw new BackupException("Could not connect to the database " + home.datasourceUrl() + ": " + e.getMessage(), e);
        }
    }

    private static Properties manifest(Path staging) throws IOException {
        Path file = staging.resolve(HomeBackup.MANIFEST);
        if (!Files.isRegularFile(file)) {
            throw new BackupException("The archive has no " + HomeBackup.MANIFEST + ": it is not a Steward backup");
        }
        Properties manifest = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            manifest.load(in);
        }
        if (!"1".equals(manifest.getProperty("format"))) {
            throw new BackupException("This backup has format " + manifest.getProperty("format") + ", which this Steward cannot read");
        }
        return manifest;
    }

    private static void moveOrCopy(Path from, Path to) throws IOException {
        if (Files.isDirectory(to)) {
            Files.delete(to); // empty, checked above
        }
        try {
            Files.move(from, to);
        } catch (IOException otherFileSystem) {
            HomeBackup.copyFolder(from, to);
        }
    }
}
