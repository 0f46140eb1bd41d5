package dev.steward.console.backup;

import org.springframework.core.env.Environment;

import java.nio.file.Path;

/**
 * What a backup of a Steward home takes, as the console is configured: the home, the database (the embedded one in
 * {@code data/postgres/} when no {@code spring.datasource.url} is set), the file storage directory and the secrets key.
 *
 * @param adminUrl      the administrative connection of an external database ({@code steward.database.admin-url}), or null
 * @param pgBin         the folder of pg_dump and pg_restore ({@code steward.backup.pg-bin}), or null for the PATH
 */
public record StewardHome(Path home, String datasourceUrl, String username, String password, String adminUrl,
                          String adminUsername, String adminPassword, Path filesDirectory, Path secretsKeyFile,
                          boolean secretsKeyConfigured, String pgBin) {

    public static StewardHome of(Environment environment) {
        Path home = Path.of(environment.getRequiredProperty("steward.home")).toAbsolutePath().normalize();
        return new StewardHome(home,
                blankToNull(environment.getProperty("spring.datasource.url")),
                blankToNull(environment.getProperty("spring.datasource.username")),
                blankToNull(environment.getProperty("spring.datasource.password")),
                blankToNull(environment.getProperty("steward.database.admin-url")),
                blankToNull(environment.getProperty("steward.database.admin-username")),
                blankToNull(environment.getProperty("steward.database.admin-password")),
                Path.of(environment.getProperty("steward.files.directory", home.resolve("files").toString())).toAbsolutePath().normalize(),
                Path.of(environment.getProperty("steward.secrets.key-file", home.resolve("secrets.key").toString())).toAbsolutePath().normalize(),
                !environment.getProperty("steward.secrets.key", "").isBlank(),
                blankToNull(environment.getProperty("steward.backup.pg-bin")));
    }

    /** The embedded default: Steward's own PostgreSQL, its data directory in the home. */
    public boolean embedded() {
        return datasourceUrl == null;
    }

    Path dataDirectory() {
        return home.resolve("data").resolve("postgres");
    }

    /** The embedded server's password files ({@code postgres.password}, {@code steward.password}). */
    Path passwordsDirectory() {
        return home.resolve("database");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
