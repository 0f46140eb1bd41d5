package dev.steward.platform.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sql.DataSource;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/** The console's embedded PostgreSQL: durable, and it starts again after the console was killed. */
class EmbeddedServerTest {

    @TempDir
    Path home;

    private final EmbeddedDatabaseConfiguration configuration = new EmbeddedDatabaseConfiguration();

    private EmbeddedPostgres start() throws Exception {
        return configuration.embeddedPostgres(home, EmbeddedDatabaseConfiguration.Passwords.in(home));
    }

    private DataSource dataSource(EmbeddedPostgres postgres) throws SQLException {
        return configuration.dataSource(postgres, EmbeddedDatabaseConfiguration.Passwords.in(home));
    }

    private static String show(DataSource dataSource, String setting) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery("show " + setting)) {
            r.next();
            return r.getString(1);
        }
    }

    private static void close(DataSource dataSource) throws Exception {
        ((AutoCloseable) dataSource).close();
    }

    private Path pidFile() {
        return home.resolve("data/postgres/" + LeftoverPostmaster.PID_FILE);
    }

    @Test
    void the_embedded_server_writes_each_commit_durably_to_disk() throws Exception {
        try (EmbeddedPostgres postgres = start()) {
            DataSource dataSource = dataSource(postgres);
            assertThat(show(dataSource, "fsync")).isEqualTo("on");
            assertThat(show(dataSource, "synchronous_commit")).isEqualTo("on");
            assertThat(show(dataSource, "full_page_writes")).isEqualTo("on");
            close(dataSource);
        }
    }

    @Test
    void after_the_console_was_killed_the_next_start_stops_its_leftover_server_and_comes_up() throws Exception {
        start().close(); // a home with its passwords and data, as after any earlier run

        Process console = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(), "-Xmx256m", "-cp",
                System.getProperty("java.class.path"), KilledConsole.class.getName(), home.toString()).redirectErrorStream(true).start();
        try (var output = new BufferedReader(new InputStreamReader(console.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = output.readLine()) != null && !line.contains(KilledConsole.STARTED)) {
                // the killed console's log
            }
            assertThat(line).as("the console to be killed started its server").isNotNull();
        }
        console.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        long orphan = Long.parseLong(Files.readAllLines(pidFile()).getFirst().trim());
        assertThat(ProcessHandle.of(orphan)).as("its server outlives the killed console").hasValueSatisfying(p -> assertThat(p.isAlive()).isTrue());

        try (EmbeddedPostgres postgres = start()) {
            DataSource dataSource = dataSource(postgres);
            assertThat(show(dataSource, "fsync")).isEqualTo("on");
            close(dataSource);
        }
        assertThat(ProcessHandle.of(orphan).filter(ProcessHandle::isAlive)).as("the leftover server was stopped").isEmpty();
    }

    @Test
    void a_stale_pid_file_naming_another_program_is_removed_and_that_program_left_alone() throws Exception {
        start().close();
        // alive, and not a postmaster: PostgreSQL alone refuses to start over it (unless it may not signal it: as root,
        // zonky runs the server in a user namespace of its own)
        Process other = new ProcessBuilder("sleep", "300").start();
        try {
            Files.writeString(pidFile(), other.pid() + "\n" + home.resolve("data/postgres") + "\n1700000000\n5432\n/tmp\nlocalhost\n0 0\nready\n");

            try (EmbeddedPostgres postgres = start()) {
                DataSource dataSource = dataSource(postgres);
                assertThat(show(dataSource, "server_version_num")).isNotBlank();
                close(dataSource);
            }
            assertThat(other.isAlive()).isTrue();
        } finally {
            other.destroyForcibly();
        }
    }

    @Test
    void a_console_whose_server_dies_under_it_is_told_to_stop_rather_than_stay_up_without_a_database() throws Exception {
        try (EmbeddedPostgres postgres = start()) {
            CountDownLatch told = new CountDownLatch(1);
            EmbeddedServerWatch watch = new EmbeddedServerWatch(EmbeddedDatabaseConfiguration.dataDirectory(home), told::countDown);
            ProcessHandle.of(watch.pid()).orElseThrow().destroyForcibly();
            assertThat(told.await(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void a_server_stopped_by_its_console_is_not_taken_for_a_dead_one() throws Exception {
        AtomicBoolean told = new AtomicBoolean();
        long pid;
        try (EmbeddedPostgres postgres = start()) {
            EmbeddedServerWatch watch = new EmbeddedServerWatch(EmbeddedDatabaseConfiguration.dataDirectory(home), () -> told.set(true));
            pid = watch.pid();
            watch.close();
        }
        ProcessHandle.of(pid).ifPresent(p -> p.onExit().join());
        Thread.sleep(300);
        assertThat(told).isFalse();
    }
}
