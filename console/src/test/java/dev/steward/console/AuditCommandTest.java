package dev.steward.console;

import dev.steward.platform.audit.AuditEvent;
import dev.steward.platform.audit.AuditTrail;
import dev.steward.testkit.TestDatabase;
import dev.steward.testkit.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --steward.command=verify-audit}: the command-line check an operator or a cron job runs. */
class AuditCommandTest {

    @TempDir
    Path home;

    private int verify(TestDatabase database, StringBuilder output) {
        var app = StewardApplication.createCommand();
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true));
        try {
            return AuditCommand.run(app.run("--spring.datasource.url=" + database.jdbcUrl(), "--steward.home=" + home,
                    "--steward.command=verify-audit"));
        } finally {
            System.setOut(original);
            output.append(captured);
        }
    }

    @Test
    void it_exits_zero_on_an_intact_chain_and_two_naming_the_entry_after_tampering() {
        TestDatabase database = TestPostgres.createDatabase();
        try {
            long tampered;
            var app = StewardApplication.createCommand();
            try (var context = app.run("--spring.datasource.url=" + database.jdbcUrl(), "--steward.home=" + home)) {
                AuditTrail audit = context.getBean(AuditTrail.class);
                audit.record(AuditEvent.of("test", "thing", 1, "CREATE"));
                tampered = audit.record(AuditEvent.of("test", "thing", 2, "CREATE"));
            }
            StringBuilder out = new StringBuilder();
            assertThat(verify(database, out)).isZero();
            assertThat(out).contains("Audit chain intact");

            JdbcTemplate jdbc = new JdbcTemplate(new org.springframework.jdbc.datasource.SimpleDriverDataSource(
                    new org.postgresql.Driver(), database.jdbcUrl()));
            jdbc.execute("alter table platform.audit_log disable trigger audit_log_no_update");
            jdbc.update("update platform.audit_log set actor = 'mallory' where id = ?", tampered);

            StringBuilder broken = new StringBuilder();
            assertThat(verify(database, broken)).isEqualTo(2);
            assertThat(broken).contains("BROKEN at entry " + tampered);
        } finally {
            database.drop();
        }
    }
}
