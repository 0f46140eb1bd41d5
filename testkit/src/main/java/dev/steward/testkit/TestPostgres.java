package dev.steward.testkit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * The PostgreSQL server that tests use: the server named by {@code STEWARD_TEST_DB_URL} (a JDBC URL of an
 * administrative database, e.g. {@code jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres}), or else one
 * embedded PostgreSQL 18 started once per test JVM. Each caller gets its own fresh database.
 */
public final class TestPostgres {

    public static final String SERVER_URL_VARIABLE = "STEWARD_TEST_DB_URL";

    private static final Object LOCK = new Object();
    private static String adminUrl;
    private static EmbeddedPostgres embedded;

    private TestPostgres() {
    }

    /** A JDBC URL (user and password included) of the administrative database of the test server. */
    public static String adminUrl() {
        synchronized (LOCK) {
            if (adminUrl == null) {
                String external = System.getenv(SERVER_URL_VARIABLE);
                adminUrl = external != null && !external.isBlank() ? external : startEmbedded();
            }
            return adminUrl;
        }
    }

    private static String startEmbedded() {
        try {
            // as the console's embedded server (platform EmbeddedDatabaseConfiguration)
            embedded = EmbeddedPostgres.builder().setServerConfig("shared_buffers", "512MB").setServerConfig("max_wal_size", "4GB").start();
            Runtime.getRuntime().addShutdownHook(new Thread(TestPostgres::stopEmbedded, "test-postgres-stop"));
            return embedded.getJdbcUrl("postgres", "postgres");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL for tests", e);
        }
    }

    private static void stopEmbedded() {
        try {
            embedded.close();
        } catch (IOException ignored) {
            // the JVM is going away; the temporary data directory is removed by zonky
        }
    }

    /** Creates a new, empty database and returns its JDBC URL. */
    public static TestDatabase createDatabase() {
        String name = "steward_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        execute("create database " + name);
        return new TestDatabase(name, urlOf(name));
    }

    static void dropDatabase(String name) {
        execute("drop database if exists " + name + " with (force)");
    }

    static String urlOf(String database) {
        String admin = adminUrl();
        int slash = admin.indexOf('/', "jdbc:postgresql://".length());
        int query = admin.indexOf('?', slash);
        return admin.substring(0, slash + 1) + database + (query < 0 ? "" : admin.substring(query));
    }

    private static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(adminUrl());
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Test database command failed: " + sql, e);
        }
    }
}
