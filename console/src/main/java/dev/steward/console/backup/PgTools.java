package dev.steward.console.backup;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * pg_dump and pg_restore for an external PostgreSQL, given the connection as libpq's environment variables (so no
 * password shows in a process list). They come from {@code steward.backup.pg-bin}, else the PATH, and must be at least
 * as new as the server: pg_dump refuses a newer server.
 */
final class PgTools {

    private static final Pattern JDBC_URL = Pattern.compile("jdbc:postgresql://([^/:?]+)(?::(\\d+))?/([^?]+)(?:\\?(.*))?");
    private static final Pattern VERSION = Pattern.compile("\\(PostgreSQL\\) (\\d+)");

    private final String bin;

    PgTools(String bin) {
        this.bin = bin;
    }

    /** Dumps the database in pg_dump's custom format (compressed; restorable by pg_restore of the same or a newer version). */
    void dump(Connection connection, int serverMajor, Path file) {
        int major = version("pg_dump");
        if (major < serverMajor) {
            throw new BackupException("pg_dump " + major + " cannot dump a PostgreSQL " + serverMajor + " server: install the PostgreSQL "
                    + serverMajor + " client programs, and name their folder with --steward.backup.pg-bin=… if they are not on the PATH");
        }
        run(connection, List.of(program("pg_dump"), "--format=custom", "--file=" + file, "--no-password"));
    }

    /** Restores a custom-format dump into the (empty) database, owned by the connecting role, in one transaction. */
    void restore(Connection connection, Path file) {
        version("pg_restore");
        run(connection, List.of(program("pg_restore"), "--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction",
                "--no-password", "--dbname=" + connection.database(), file.toString()));
    }

    /** A connection as libpq wants it. */
    record Connection(String host, String port, String database, String user, String password, Map<String, String> parameters) {

        static Connection of(String jdbcUrl, String user, String password) {
            Matcher url = JDBC_URL.matcher(jdbcUrl);
            if (!url.matches()) {
                throw new BackupException("Cannot read the database URL " + jdbcUrl.replaceAll("password=[^&]*", "password=…")
                        + " (expected jdbc:postgresql://host[:port]/database)");
            }
            Map<String, String> parameters = new HashMap<>();
            if (url.group(4) != null) {
                for (String pair : url.group(4).split("&")) {
                    int equals = pair.indexOf('=');
                    if (equals > 0) {
                        parameters.put(pair.substring(0, equals), URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
                    }
                }
            }
            return new Connection(url.group(1), url.group(2) == null ? "5432" : url.group(2), url.group(3),
                    user != null ? user : parameters.get("user"), password != null ? password : parameters.get("password"), parameters);
        }

        Map<String, String> environment() {
            Map<String, String> environment = new HashMap<>();
            environment.put("PGHOST", host);
            environment.put("PGPORT", port);
            environment.put("PGDATABASE", database);
            if (user != null) {
                environment.put("PGUSER", user);
            }
            if (password != null) {
                environment.put("PGPASSWORD", password);
            }
            if (parameters.containsKey("sslmode")) {
                environment.put("PGSSLMODE", parameters.get("sslmode"));
            }
            return environment;
        }
    }

    private int version(String name) {
        try {
            Process process = new ProcessBuilder(program(name), "--version").redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor();
            Matcher version = VERSION.matcher(output);
            if (!version.find()) {
                throw new BackupException("Could not tell the version of " + program(name) + ": " + output.strip());
            }
            return Integer.parseInt(version.group(1));
        } catch (IOException e) {
            throw new BackupException(name + " was not found (" + program(name) + "). Install the PostgreSQL client programs, "
                    + "and name their folder with --steward.backup.pg-bin=… if they are not on the PATH");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BackupException("Interrupted while running " + name);
        }
    }

    private void run(Connection connection, List<String> command) {
        try {
            Path log = Files.createTempFile("steward-pg", ".log");
            try {
                ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).redirectOutput(log.toFile());
                builder.environment().putAll(connection.environment());
                int exit = builder.start().waitFor();
                if (exit != 0) {
                    throw new BackupException(Path.of(command.getFirst()).getFileName() + " failed (exit " + exit + "): "
                            + Files.readString(log).strip());
                }
            } finally {
                Files.deleteIfExists(log);
            }
        } catch (IOException e) {
            throw new BackupException("Could not run " + command.getFirst() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BackupException("Interrupted while running " + command.getFirst());
        }
    }

    private String program(String name) {
        return bin == null ? name : Path.of(bin, name).toString();
    }
}
