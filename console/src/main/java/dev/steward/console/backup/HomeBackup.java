package dev.steward.console.backup;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Properties;

/**
 * Writes one archive (tar.gz, readable by its owner only: it holds the database's passwords and the secrets key) of a
 * Steward home: the database (the embedded server's data directory, copied consistently, with its password files; or
 * a pg_dump of an external database), the file storage directory, and the secrets key file.
 */
public final class HomeBackup {

    static final String MANIFEST = "steward-backup.properties";
    static final String EMBEDDED = "database/postgres";
    static final String PASSWORDS = "database/passwords";
    static final String DUMP = "database/steward.dump";
    static final String FILES = "files";
    static final String SECRETS_KEY = "secrets.key";

    private HomeBackup() {
    }

    /** Writes the archive (never over an existing file); returns what it holds, for the operator. */
    public static String write(StewardHome home, Path archive) throws IOException {
        Path target = archive.toAbsolutePath().normalize();
        if (Files.exists(target)) {
            throw new BackupException(target + " exists already: give the backup a new file name");
        }
        Files.createDirectories(target.getParent());
        Path staging = Files.createTempDirectory(target.getParent(), ".steward-backup-");
        try {
            Properties manifest = new Properties();
            manifest.setProperty("format", "1");
            manifest.setProperty("created", Instant.now().toString());
            manifest.setProperty("home", home.home().toString());
            StringBuilder summary = new StringBuilder("Backed up to " + target + ":\n");
            if (home.embedded()) {
                String taken = EmbeddedCopy.copy(home, staging.resolve(EMBEDDED));
                copyFolder(home.passwordsDirectory(), staging.resolve(PASSWORDS));
                manifest.setProperty("database", "embedded");
                summary.append("  the embedded database (").append(taken.equals("online") ? "copied online, the console running"
                        : "copied with no server running").append(") and its passwords\n");
            } else {
                PgTools.Connection connection = PgTools.Connection.of(home.adminUrl() != null ? home.adminUrl() : home.datasourceUrl(),
                        home.adminUrl() != null || home.adminUsername() != null ? home.adminUsername() : home.username(),
                        home.adminUrl() != null || home.adminUsername() != null ? home.adminPassword() : home.password());
                int serverMajor = serverMajor(home);
                Files.createDirectories(staging.resolve(DUMP).getParent());
                new PgTools(home.pgBin()).dump(connection, serverMajor, staging.resolve(DUMP));
                manifest.setProperty("database", "pg_dump");
                manifest.setProperty("postgresql", Integer.toString(serverMajor));
                summary.append("  a pg_dump of database ").append(connection.database()).append(" on ").append(connection.host())
                        .append(" (PostgreSQL ").append(serverMajor).append(")\n");
            }
            if (Files.isDirectory(home.filesDirectory())) {
                copyFolder(home.filesDirectory(), staging.resolve(FILES));
                summary.append("  the file storage directory ").append(home.filesDirectory()).append('\n');
            }
            if (home.secretsKeyConfigured()) {
                manifest.setProperty("secrets-key", "configured");
                summary.append("  NOT the secrets key: it is set by steward.secrets.key; keep that value with this backup\n");
            } else if (Files.isRegularFile(home.secretsKeyFile())) {
                Files.copy(home.secretsKeyFile(), staging.resolve(SECRETS_KEY), StandardCopyOption.COPY_ATTRIBUTES);
                manifest.setProperty("secrets-key", "included");
                summary.append("  the secrets key\n");
            } else {
                manifest.setProperty("secrets-key", "none");
            }
            try (OutputStream out = Files.newOutputStream(staging.resolve(MANIFEST))) {
                manifest.store(out, "Steward backup");
            }
            Path partial = Files.createTempFile(target.getParent(), ".steward-backup-", ".tar.gz");
            OwnerOnly.file(partial);
            try (OutputStream out = Files.newOutputStream(partial)) {
                TarGz.pack(staging, out);
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            return summary.append("Keep it where only administrators can read it: it holds the database's passwords and the secrets key.")
                    .toString();
        } finally {
            OwnerOnly.delete(staging);
        }
    }

    private static int serverMajor(StewardHome home) {
        Properties credentials = new Properties();
        if (home.username() != null) {
            credentials.setProperty("user", home.username());
        }
        if (home.password() != null) {
            credentials.setProperty("password", home.password());
        }
        try (Connection connection = DriverManager.getConnection(home.datasourceUrl(), credentials);
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("show server_version_num")) {
            row.next();
            return row.getInt(1) / 10000;
        } catch (SQLException e) {
            throw new BackupException("Could not connect to the database " + home.datasourceUrl() + ": " + e.getMessage(), e);
        }
    }

    static void copyFolder(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            return;
        }
        try (var walk = Files.walk(from)) {
            for (Path path : walk.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else if (Files.isRegularFile(path)) {
                    Files.createDirectories(target.getParent());
                    Files.copy(path, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
