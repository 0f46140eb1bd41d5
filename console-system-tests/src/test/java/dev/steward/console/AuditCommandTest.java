package dev.steward.console;

import dev.steward.platform.audit.AuditEvent;
import dev.steward.platform.audit.AuditTrail;
import dev.steward.platform.jobs.JobScheduler;
import dev.steward.testkit.TestDatabase;
import dev.steward.testkit.TestPostgres;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.stream.Stream;

import static dev.steward.platform.db.generated.Tables.JOB_RUN;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code --steward.command=verify-audit}: the command-line check an operator or a cron job runs. */
class AuditCommandTest {

    @TempDir
    Path home;

    private final TestDatabase database = TestPostgres.createDatabase();

    @AfterEach
    void drop() {
        database.drop();
    }

    private String[] arguments(String[] connection, String... extra) {
        return Stream.of(connection, new String[]{"--steward.home=" + home}, extra).flatMap(Stream::of).toArray(String[]::new);
    }

    private int verify(String[] connection, StringBuilder output) {
        var app = StewardApplication.createCommand();
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true));
        try {
            return AuditCommand.run(app.run(arguments(connection, "--steward.command=verify-audit")));
        } finally {
            System.setOut(original);
            output.append(captured);
        }
    }

    private long[] append(String[] connection, int entries) {
        long[] ids = new long[entries];
        try (var context = StewardApplication.createCommand().run(arguments(connection))) {
            AuditTrail audit = context.getBean(AuditTrail.class);
            for (int i = 0; i < entries; i++) {
                ids[i] = audit.record(AuditEvent.of("test", "thing", i, "CREATE"));
            }
        }
        return ids;
    }

    @Test
    void it_exits_zero_on_an_intact_chain_and_two_naming_the_entry_after_tampering() {
        long tampered = append(database.arguments(), 2)[1];
        StringBuilder out = new StringBuilder();
        assertThat(verify(database.arguments(), out)).isZero();
        assertThat(out).containsPattern("Audit chain intact: (\\d+) entries and \\1 signed checkpoints verified").doesNotContain("not sealed");

        database.executeAsAdmin("set local session_replication_role = replica",
                "update platform.audit_log set actor = 'mallory' where id = " + tampered);

        StringBuilder broken = new StringBuilder();
        assertThat(verify(database.arguments(), broken)).isEqualTo(2);
        assertThat(broken).contains("BROKEN at entry " + tampered);
    }

    @Test
    void the_check_runs_no_scheduled_job_even_where_the_configuration_turns_jobs_on() throws Exception {
        String[] arguments = arguments(database.arguments(), "--steward.command=verify-audit", "--steward.jobs.enabled=true");
        try (var context = StewardApplication.createCommand().run(arguments)) {
            assertThat(context.getBean(JobScheduler.class).isTicking()).isFalse();
            Thread.sleep(500); // the mail sender's first tick would be due at once
            assertThat(context.getBean(DSLContext.class).fetchCount(JOB_RUN)).isZero();
        }
    }

    @Test
    void without_an_admin_connection_it_says_the_log_is_not_sealed() {
        String[] runtimeOnly = {"--spring.datasource.url=" + database.jdbcUrl()};
        append(runtimeOnly, 1);
        StringBuilder out = new StringBuilder();
        assertThat(verify(runtimeOnly, out)).isZero();
        assertThat(out).contains("Audit chain intact")
                .contains("Warning: the audit log is not sealed: the console's database role " + database.username() + " owns platform.audit_log");
    }
}
