package dev.steward.console.security;

import dev.steward.console.StewardApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 12, defect 2: a local user attacks the console's embedded PostgreSQL. It must ask every connection for a
 * password, and the console's own role must be unable to run programs or rewrite the audit log.
 */
class EmbeddedDatabaseAttackTest {

    @TempDir
    static Path home;
    static ConfigurableApplicationContext console;
    static int port;

    @BeforeAll
    static void startTheConsoleOnItsEmbeddedDatabase() {
        String[] args = {"--server.port=0", "--steward.home=" + home, "--steward.plugins.dir=" + home.resolve("plugins"),
                "--steward.test.database=none"};
        console = StewardApplication.create(args).run(args);
        port = console.getBean(EmbeddedPostgres.class).getPort();
    }

    @AfterAll
    static void stop() {
        console.close();
    }

    private static java.sql.Connection connect(String user, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        if (password != null) {
            properties.setProperty("password", password);
        }
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/steward", properties);
    }

    private static JdbcTemplate asTheConsole() {
        return new JdbcTemplate(console.getBean(DataSource.class));
    }

    @Test
    void a_connection_without_the_password_or_with_a_wrong_one_is_refused() {
        for (String user : new String[]{"postgres", "steward"}) {
            assertThatThrownBy(() -> connect(user, null).close()).hasMessageContaining("password");
            assertThatThrownBy(() -> connect(user, "postgres").close()).hasMessageContaining("password authentication failed");
        }
    }

    @Test
    void the_superuser_password_works_and_is_kept_in_files_only_their_owner_may_read() throws Exception {
        Path directory = home.resolve("database");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory))).isEqualTo("rwx------");
        for (String file : new String[]{"postgres.password", "steward.password"}) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory.resolve(file)))).as(file).isEqualTo("rw-------");
        }
        try (var connection = connect("postgres", Files.readString(directory.resolve("postgres.password")).strip())) {
            assertThat(connection.isValid(1)).isTrue();
        }
        assertThat(Files.readString(home.resolve("data/postgres/pg_hba.conf"))).doesNotContain("trust");
    }

    @Test
    void the_console_role_is_no_superuser_and_cannot_run_programs() {
        JdbcTemplate jdbc = asTheConsole();
        assertThat(jdbc.queryForObject("select current_user", String.class)).isEqualTo("steward");
        assertThat(jdbc.queryForObject("select rolsuper or rolcreaterole or rolcreatedb from pg_roles where rolname = current_user",
                Boolean.class)).isFalse();
        assertThatThrownBy(() -> jdbc.execute("copy (select 1) to program 'id'")).rootCause()
                .hasMessageContaining("pg_execute_server_program");
        assertThatThrownBy(() -> jdbc.execute("alter role steward superuser")).rootCause().hasMessageContaining("permission denied");
    }

    @Test
    void the_console_role_may_only_read_and_append_to_the_audit_log() {
        JdbcTemplate jdbc = asTheConsole();
        assertThat(jdbc.queryForObject("select pg_get_userbyid(relowner) from pg_class where oid = 'platform.audit_log'::regclass",
                String.class)).isEqualTo("steward_audit");
        assertThat(jdbc.queryForObject("select pg_has_role('steward', 'steward_audit', 'member')", Boolean.class)).isFalse();
        for (String table : new String[]{"platform.audit_log", "platform.audit_checkpoint"}) {
            assertThatThrownBy(() -> jdbc.execute("delete from " + table)).rootCause().hasMessageContaining("permission denied");
            assertThatThrownBy(() -> jdbc.execute("update " + table + " set id = id")).rootCause().hasMessageContaining("permission denied");
            assertThatThrownBy(() -> jdbc.execute("truncate " + table)).rootCause().hasMessageContaining("permission denied");
            assertThatThrownBy(() -> jdbc.execute("alter table " + table + " disable trigger all")).rootCause().hasMessageContaining("must be owner");
            assertThatThrownBy(() -> jdbc.execute("drop table " + table)).rootCause().hasMessageContaining("must be owner");
        }
        assertThat(jdbc.queryForObject("select count(*) from platform.audit_log", Long.class)).isNotNull();
    }
}
