package dev.steward.platform.db;

import dev.steward.platform.PlatformTestApplication;
import dev.steward.platform.audit.AuditEvent;
import dev.steward.platform.audit.AuditHash;
import dev.steward.platform.audit.AuditTrail;
import dev.steward.platform.audit.AuditVerifier;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.WebApplicationType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A data directory made by an older Steward (trust authentication, the console connected as the superuser and owns
 * everything) is upgraded on the first start of this version: passwords required, the console's role owns the
 * business tables, the audit log is sealed, and its old chain still verifies.
 */
class EmbeddedDatabaseUpgradeTest {

    @TempDir
    Path home;

    private static final Instant OLD_ENTRY_AT = Instant.parse("2026-03-01T10:00:00Z");

    /** What Steward before issue 12 left behind: trust, everything owned by postgres, one audit entry with a servlet session id. */
    private void makeAnOldDataDirectory() throws Exception {
        try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(home.resolve("data/postgres"))
                .setCleanDataDirectory(false).start()) {
            try (Connection c = old.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("create database steward");
            }
            var steward = old.getDatabase("postgres", "steward");
            Flyway.configure().dataSource(steward).schemas("platform").createSchemas(true).table("flyway_schema_history")
                    .locations("classpath:db/platform").target("60").load().migrate();
            String hash = AuditHash.of(AuditHash.GENESIS, OLD_ENTRY_AT, "ada", "10.0.0.1", "5E55104D0F0LDT0MCA7", "platform",
                    "app_user", "1", "UPDATE", null, "{\"n\":1}", null);
            try (Connection c = steward.getConnection(); PreparedStatement insert = c.prepareStatement("""
                    insert into platform.audit_log (occurred_at, actor, client_ip, session_id, module, entity_type, entity_id, action,
                                                    after_data, prev_hash, hash)
                    values (?, 'ada', '10.0.0.1', '5E55104D0F0LDT0MCA7', 'platform', 'app_user', '1', 'UPDATE', '{"n":1}', ?, ?)""")) {
                insert.setTimestamp(1, Timestamp.from(OLD_ENTRY_AT));
                insert.setString(2, AuditHash.GENESIS);
                insert.setString(3, hash);
                insert.execute();
            }
        }
        assertThat(Files.readString(home.resolve("data/postgres/pg_hba.conf"))).contains("trust");
    }

    @Test
    void an_old_trusting_data_directory_is_upgraded_on_first_start() throws Exception {
        makeAnOldDataDirectory();

        try (var context = new SpringApplicationBuilder(PlatformTestApplication.class).web(WebApplicationType.NONE)
                .run("--steward.test.database=none", "--steward.home=" + home)) {
            DSLContext dsl = context.getBean(DSLContext.class);
            assertThat(dsl.fetchValue("select current_user")).isEqualTo("steward");
            assertThat(dsl.fetchValue("select pg_get_userbyid(relowner) from pg_class where oid = 'platform.app_user'::regclass")).isEqualTo("steward");
            assertThat(dsl.fetchValue("select pg_get_userbyid(relowner) from pg_class where oid = 'platform.audit_log'::regclass")).isEqualTo("steward_audit");
            assertThat(dsl.fetchValue("select audit_session from platform.audit_log where client_ip = '10.0.0.1'")).as("old rows are left as they are").isEqualTo("5E55104D0F0LDT0MCA7");

            AuditVerifier.Result before = context.getBean(AuditVerifier.class).verify();
            assertThat(before.intact()).as(before.summary()).isTrue();
            assertThat(before.notSealed()).isNull();
            context.getBean(AuditTrail.class).record(AuditEvent.of("test", "thing", 1, "CREATE"));
            AuditVerifier.Result after = context.getBean(AuditVerifier.class).verify();
            assertThat(after.intact()).as(after.summary()).isTrue();
            assertThat(after.checkpointsChecked()).isPositive();

            int port = context.getBean(EmbeddedPostgres.class).getPort();
            Properties noPassword = new Properties();
            noPassword.setProperty("user", "postgres");
            assertThatThrownBy(() -> DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/steward", noPassword).close())
                    .hasMessageContaining("password");
        }
        assertThat(Files.readString(home.resolve("data/postgres/pg_hba.conf"))).doesNotContain("trust");
        assertThat(Files.exists(home.resolve("database/postgres.password"))).isTrue();

        try (var again = new SpringApplicationBuilder(PlatformTestApplication.class).web(WebApplicationType.NONE)
                .run("--steward.test.database=none", "--steward.home=" + home)) {
            assertThat(again.getBean(AuditVerifier.class).verify().intact()).as("a second start finds it as it left it").isTrue();
        }
    }
}
