package dev.steward.benchmarks;

import dev.steward.testkit.TestDatabase;
import dev.steward.testkit.TestPostgres;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The production console jar ({@code -Dconsole.jar}, default {@code app/target/steward-console.jar}) as a child
 * process on a fresh database of the test PostgreSQL, with its home in a temporary directory; its heap is measured
 * from outside with {@code jcmd}, so the benchmark's own objects never count.
 */
final class ConsoleProcess implements AutoCloseable {

    static final String ADMIN_PASSWORD = "Bench-admin-pass-1";

    final TestDatabase database = TestPostgres.createDatabase();
    final URI base;
    final Path home;
    private final Process process;

    ConsoleProcess(int port, String heap, String... settings) throws IOException, InterruptedException {
        base = URI.create("http://localhost:" + port + "/");
        home = Files.createTempDirectory("steward-bench-console");
        Path jar = Path.of(System.getProperty("console.jar", "app/target/steward-console.jar")).toAbsolutePath();
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx" + heap, "-Xms" + heap, "-jar", jar.toString(), "--server.port=" + port, "--steward.home=" + home,
                // simulated users sign in with a password only: a second factor is for people, not for a load script
                "--steward.security.mfa.required-roles=ADMIN"));
        command.addAll(List.of(database.arguments()));
        command.addAll(List.of(settings));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(home.resolve("console.out").toFile());
        builder.environment().put("STEWARD_ADMIN_USERNAME", "admin");
        builder.environment().put("STEWARD_ADMIN_PASSWORD", ADMIN_PASSWORD);
        builder.environment().put("VAADIN_USAGE_STATS_ENABLED", "false");
        process = builder.start();
        awaitSignInPage();
    }

    private void awaitSignInPage() throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the console stopped; see " + home.resolve("console.out"));
            }
            try {
                if (http.send(HttpRequest.newBuilder(base.resolve("login")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    Thread.sleep(3000); // the first administrator is created once the application is ready
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the console did not answer within 3 minutes; see " + home.resolve("console.out"));
    }

    long pid() {
        return process.pid();
    }

    /** Runs SQL on the console's database as its own runtime role (for seeding once the migrations have run). */
    void execute(String... statements) {
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl()); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    long count(String sql) {
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl()); Statement statement = connection.createStatement();
             var rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Users {@code prefix}1..n holding {@code role}, password {@code password} (a {@code {noop}} hash: seeding only). */
    void createUsers(String prefix, int n, String role, String password) {
        execute("""
                insert into platform.app_user (username, display_name, email, password_hash)
                select '%1$s' || g, 'Bench %1$s ' || g, '%1$s' || g || '@bench.example', '{noop}%2$s'
                from generate_series(1, %3$d) g on conflict (username) do nothing""".formatted(prefix, password, n),
                """
                insert into platform.user_role (user_id, role)
                select id, '%2$s' from platform.app_user where username ~ '^%1$s[0-9]+$' on conflict do nothing""".formatted(prefix, role));
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        database.drop();
    }
}
