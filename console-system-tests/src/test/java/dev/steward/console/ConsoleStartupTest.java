package dev.steward.console;

import dev.steward.platform.db.DatabaseReport;
import dev.steward.platform.security.UserAccountService;
import dev.steward.testkit.TestDatabase;
import dev.steward.testkit.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The console as a user starts it: on its embedded default (data kept across restarts) or on a given server. */
class ConsoleStartupTest {

    @TempDir
    Path home;

    private ConfigurableApplicationContext start(String... extra) {
        String[] args = new String[extra.length + 3];
        args[0] = "--server.port=0";
        args[1] = "--steward.home=" + home;
        args[2] = "--steward.plugins.dir=" + home.resolve("plugins");
        System.arraycopy(extra, 0, args, 3, extra.length);
        return StewardApplication.create(args).run(args);
    }

    @Test
    void with_no_datasource_it_runs_an_embedded_postgresql_whose_data_survives_a_restart() {
        try (var first = start("--steward.test.database=none", "--steward.admin.password=first-start-passphrase")) {
            assertThat(first.getBean(DatabaseReport.class).description()).startsWith("PostgreSQL 18").contains("localhost");
            first.getBean(UserAccountService.class).createInitialAdmin("keeper", "kept-across-restarts", false);
            var dsl = first.getBean(org.jooq.DSLContext.class);
            assertThat(dsl.fetchValue("select current_user")).as("the console's role").isEqualTo("steward");
            assertThat(dsl.fetchValue("select rolsuper from pg_roles where rolname = current_user")).isEqualTo(false);
        }
        assertThat(Files.isDirectory(home.resolve("data/postgres"))).isTrue();
        try (var second = start("--steward.test.database=none")) {
            var users = second.getBean(UserAccountService.class);
            assertThat(users.anyUserExists()).isTrue();
            assertThat(users.mustChangePassword("keeper")).isFalse();
            assertThat(second.getBean(org.jooq.DSLContext.class).fetchCount(dev.steward.platform.db.generated.Tables.APP_USER)).isEqualTo(2);
        }
    }

    @Test
    void with_a_datasource_url_it_uses_that_server() {
        TestDatabase database = TestPostgres.createDatabase();
        try (var console = start(database.arguments())) {
            String report = console.getBean(DatabaseReport.class).description();
            assertThat(report).contains("/" + database.name());
            assertThat(Files.exists(home.resolve("data/postgres"))).isFalse();
        } finally {
            database.drop();
        }
    }
}
