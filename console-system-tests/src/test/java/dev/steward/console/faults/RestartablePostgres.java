package dev.steward.console.faults;

import dev.steward.testkit.TestDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A PostgreSQL server of its own for a fault test, which the test stops and starts again as an operator restarting
 * the database for a patch would: same data directory, same port, so the console's pool reconnects by itself.
 * (The shared test server of the testkit must never be stopped: other test contexts use it.)
 */
final class RestartablePostgres implements AutoCloseable {

    private final Path dataDirectory;
    private final int port;
    private final TestDatabase database;
    private EmbeddedPostgres server;

    private RestartablePostgres(Path dataDirectory, int port) throws IOException, SQLException {
        this.dataDirectory = dataDirectory;
        this.port = port;
        this.server = builder().start();
        this.database = createDatabase();
    }

    static RestartablePostgres start() {
        try {
            RestartablePostgres postgres = new RestartablePostgres(Files.createTempDirectory("steward-fault-pg"), freePort());
            // after the test's console has closed (@DirtiesContext), as the testkit's own server
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is going away
                }
            }, "fault-postgres-stop"));
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private EmbeddedPostgres.Builder builder() {
        return EmbeddedPostgres.builder().setDataDirectory(dataDirectory).setCleanDataDirectory(false).setPort(port);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** A database and its runtime role (no superuser), as the testkit creates them. */
    private TestDatabase createDatabase() throws SQLException {
        String name = "steward_fault_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String password = UUID.randomUUID().toString().replace("-", "");
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("create role " + name + " login password '" + password + "' nosuperuser nocreatedb nocreaterole");
            s.execute("create database " + name + " owner " + name);
        }
        String url = "jdbc:postgresql://localhost:" + port + "/" + name;
        return new TestDatabase(name, url, name, password, server.getJdbcUrl("postgres", name));
    }

    TestDatabase database() {
        return database;
    }

    /** Stops the server (fast shutdown: open connections are ended, as in a restart for a patch). */
    synchronized void stop() throws IOException {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    synchronized void startAgain() throws IOException {
        if (server == null) {
            server = builder().start();
        }
    }

    @Override
    public synchronized void close() throws IOException {
        stop();
        try (var files = Files.walk(dataDirectory)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
