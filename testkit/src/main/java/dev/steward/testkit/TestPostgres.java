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
            // sized as the console's embedded server (platform EmbeddedDatabaseConfiguration), but left fast: zonky's
            // fsync=off and synchronous_commit=off stay, as a test database is thrown away (the console turns both on)
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

    /**
     * Creates a new, empty database owned by a new runtime role of the same name (login, random password, no
     * superuser, cannot create databases or roles), as the console's embedded server has its {@code steward} role.
     */
    public static TestDatabase createDatabase() {
        String name = "steward_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        String password = UUID.randomUUID().toString().replace("-", "");
        execute("create role " + name + " login password '" + password + "' nosuperuser nocreatedb nocreaterole");
        execute("create database " + name + " owner " + name);
        return new TestDatabase(name, withoutCredentials(urlOf(name)), name, password, urlOf(name));
    }

    /** Drops the database and its roles (roles are cluster-wide: the runtime role and the audit role sealing made). */
    static void dropDatabase(String name) {
        execute("drop database if exists " + name + " with (force)");
        execute("drop role if exists " + name + "_audit");
        execute("drop role if exists " + name);
    }

    /** The administrative URL with another database. */
    static String urlOf(String database) {
        String admin = adminUrl();
        int slash = admin.indexOf('/', "jdbc:postgresql://".length());
        int query = admin.indexOf('?', slash);
        return admin.substring(0, slash + 1) + database + (query < 0 ? "" : admin.substring(query));
    }

    static String withoutCredentials(String url) {
        int query = url.indexOf('?');
        if (query < 0) {
            return url;
        }
        String parameters = java.util.Arrays.stream(url.substring(query + 1).split("&"))
                .filter(p -> !p.startsWith("user=") && !p.startsWith("password="))
                .collect(java.util.stream.Collectors.joining("&"));
        return url.substring(0, query) + (parameters.isEmpty() ? "" : "?" + parameters);
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
