package dev.steward.console.cluster;

import dev.steward.platform.audit.AuditVerifier;
import dev.steward.platform.people.ImportPlan;
import dev.steward.platform.people.ImportProgress;
import dev.steward.platform.people.PeopleImport;
import dev.steward.platform.security.PlatformPermissions;
import dev.steward.testkit.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

/**
 * A people import of tens of thousands of rows whose database connection dies in the middle (as when its console is
 * killed, or the database restarts): every person and org unit it had written, uncommitted, is gone, no audit entry
 * speaks of it, and the audit chain still verifies. The import is held at the moment it appends its audit entry (all
 * its people written) by a DBA's lock on the audit log, and its server process is terminated there.
 */
@SpringBootTest
class ImportKilledMidwayTest {

    private static final int ROWS = 30_000;
    private static final List<String> COUNTED = List.of("platform.person", "platform.org_unit", "platform.audit_log",
            "platform.audit_checkpoint");

    @Autowired
    PeopleImport people;
    @Autowired
    AuditVerifier auditVerifier;
    @Autowired
    ApplicationContext context;
    @Autowired
    Environment environment;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void an_import_whose_connection_is_terminated_midway_leaves_nothing_behind_and_the_audit_chain_verifies() throws Exception {
        SecurityContextHolderStrategy security = signInAsPeopleManager();
        ImportPlan plan = people.prepare(csv(), "big-people.csv", ImportProgress.NONE, () -> false);
        assertThat(plan.errors()).isEmpty();
        TestDatabase database = TestDatabase.of(environment);
        Map<String, Long> before = counts(database);

        CompletableFuture<?> commit;
        try (Connection dba = database.adminConnection(); Statement statement = dba.createStatement()) {
            dba.setAutoCommit(false);
            statement.execute("lock table platform.audit_log in exclusive mode");
            var authentication = security.getContext().getAuthentication();
            commit = CompletableFuture.runAsync(() -> {
                security.getContext().setAuthentication(authentication);
                people.commit(plan);
            });
            long importing = awaitBackendWaitingOnTheAuditLog(statement, commit);
            assertThat(count(statement, "select count(*) from pg_stat_activity where pid = " + importing
                    + " and state = 'active' and xact_start is not null")).as("the import is inside its transaction").isEqualTo(1);
            statement.execute("select pg_terminate_backend(" + importing + ")");
            dba.rollback();
        }
        assertThatThrownBy(() -> commit.get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);

        assertThat(counts(database)).as("people, org units, audit entries and checkpoints").isEqualTo(before);
        try (Connection dba = database.adminConnection(); Statement statement = dba.createStatement()) {
            assertThat(count(statement, "select count(*) from platform.person where employee_id like 'KILL-%'")).isZero();
            assertThat(count(statement, "select count(*) from platform.audit_log where after_data like '%big-people.csv%'")).isZero();
        }
        AuditVerifier.Result audit = auditVerifier.verify();
        assertThat(audit.intact()).as(audit.summary()).isTrue();
    }

    private SecurityContextHolderStrategy signInAsPeopleManager() {
        SecurityContextHolderStrategy security = context.getBeanProvider(SecurityContextHolderStrategy.class)
                .getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
        SecurityContextHolder.setContextHolderStrategy(security);
        security.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("hr-admin", null, List.of(
                new SimpleGrantedAuthority(PlatformPermissions.PEOPLE_MANAGE), new SimpleGrantedAuthority(PlatformPermissions.PEOPLE_READ))));
        return security;
    }

    /** The server process of the import, once it waits for the audit log: all its people are written by then. */
    private static long awaitBackendWaitingOnTheAuditLog(Statement statement, CompletableFuture<?> commit) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (commit.isDone()) {
                commit.get(); // failed early: show why
                fail("The import finished although the audit log was locked");
            }
            try (ResultSet row = statement.executeQuery("select pid from pg_locks where not granted"
                    + " and relation = 'platform.audit_log'::regclass and pid <> pg_backend_pid()")) {
                if (row.next()) {
                    return row.getLong(1);
                }
            }
            Thread.sleep(20);
        }
        return fail("The import never reached its audit entry");
    }

    private static byte[] csv() {
        String header = "employee_id,full_name,email,title,org_unit,manager_employee_id,status,start_date,end_date\n";
        String rows = Stream.iterate(1, i -> i + 1).limit(ROWS).map(i -> "KILL-" + i + ",Person " + i + ",person" + i
                + "@example.org,Engineer,KILL-OU-" + (i % 50) + "," + (i > 1 ? "KILL-1" : "") + ",active,2024-01-01,")
                .collect(Collectors.joining("\n", header, "\n"));
        return rows.getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, Long> counts(TestDatabase database) throws Exception {
        try (Connection dba = database.adminConnection(); Statement statement = dba.createStatement()) {
            Map<String, Long> counts = new java.util.LinkedHashMap<>();
            for (String table : COUNTED) {
                counts.put(table, count(statement, "select count(*) from " + table));
            }
            return counts;
        }
    }

    private static long count(Statement statement, String sql) throws Exception {
        try (ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }
}
