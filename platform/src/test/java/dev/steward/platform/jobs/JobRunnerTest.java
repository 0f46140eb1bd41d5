package dev.steward.platform.jobs;

import dev.steward.platform.audit.AuditEvent;
import dev.steward.platform.audit.AuditTrail;
import dev.steward.platform.plugin.ExtensionRegistry;
import dev.steward.platform.security.PermissionCatalog;
import dev.steward.platform.spi.ScheduledJob;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.steward.platform.db.generated.Tables.AUDIT_LOG;
import static dev.steward.platform.db.generated.Tables.JOB_RUN;
import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class JobRunnerTest {

    /** Jobs contributed by the host in this test context; the scheduler really runs "test.heartbeat". */
    @TestConfiguration
    static class Jobs {
        static final AtomicInteger heartbeats = new AtomicInteger();

        @Bean
        ScheduledJob heartbeat() {
            return job("test.heartbeat", Duration.ofMillis(200), heartbeats::incrementAndGet);
        }

        @Bean
        ScheduledJob auditing(AuditTrail audit) {
            return job("test.auditing", Duration.ofHours(1),
                    () -> audit.record(AuditEvent.of("test", "reminder", 1, "SENT")));
        }
    }

    @Autowired
    DataSource dataSource;
    @Autowired
    DSLContext dsl;
    @Autowired
    ExtensionRegistry registry;
    @Autowired
    PermissionCatalog permissions;
    @Autowired
    JobRunner runner;

    static ScheduledJob job(String id, Duration every, Runnable work) {
        return new ScheduledJob() {
            public String id() {
                return id;
            }

            public String description() {
                return "test job " + id;
            }

            public Schedule schedule() {
                return Schedule.every(every);
            }

            public void run(JobContext context) {
                work.run();
            }
        };
    }

    /** A second console instance on the same database: its own node name and lock provider. */
    private JobRunner node(String name) {
        var locks = new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource)).withTableName("platform.shedlock").usingDbTime().build());
        return new JobRunner(locks, dsl, registry, permissions, name);
    }

    @Test
    void two_nodes_sharing_one_database_run_the_job_once_per_tick() throws Exception {
        JobRunner a = node("node-a");
        JobRunner b = node("node-b");
        AtomicInteger runs = new AtomicInteger();
        ScheduledJob job = job("test.once-per-tick", Duration.ofMillis(600), () -> {
            runs.incrementAndGet();
            sleep(50);
        });
        var pool = Executors.newFixedThreadPool(2);
        for (int tick = 1; tick <= 4; tick++) {
            CountDownLatch go = new CountDownLatch(1);
            Callable<Boolean> fromA = () -> { go.await(); return a.runTick("platform", job, false); };
            Callable<Boolean> fromB = () -> { go.await(); return b.runTick("platform", job, false); };
            var ranA = pool.submit(fromA);
            var ranB = pool.submit(fromB);
            go.countDown();
            assertThat(ranA.get() ^ ranB.get()).as("exactly one node runs tick %d", tick).isTrue();
            assertThat(runs.get()).isEqualTo(tick);
            sleep(650); // the next tick
        }
        pool.shutdown();
        assertThat(dsl.fetchCount(JOB_RUN, JOB_RUN.JOB_ID.eq("test.once-per-tick").and(JOB_RUN.OUTCOME.eq("SUCCEEDED")))).isEqualTo(4);
    }

    @Test
    void a_node_a_moment_late_does_not_run_the_same_tick_again() {
        AtomicInteger runs = new AtomicInteger();
        ScheduledJob job = job("test.late-node", Duration.ofMinutes(10), runs::incrementAndGet);
        assertThat(node("early").runTick("platform", job, false)).isTrue();
        assertThat(node("late").runTick("platform", job, false)).isFalse();
        assertThat(runs.get()).isEqualTo(1);
    }

    @Test
    void a_failing_job_records_its_error_and_the_next_tick_runs_again() {
        AtomicInteger attempts = new AtomicInteger();
        ScheduledJob job = job("test.flaky", Duration.ofMillis(100), () -> {
            if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException("SMTP server not reachable");
            }
        });
        assertThat(runner.runTick("platform", job, false)).isTrue();
        sleep(120);
        assertThat(runner.runTick("platform", job, false)).isTrue();
        var outcomes = dsl.select(JOB_RUN.OUTCOME, JOB_RUN.ERROR).from(JOB_RUN).where(JOB_RUN.JOB_ID.eq("test.flaky"))
                .orderBy(JOB_RUN.ID).fetch();
        assertThat(outcomes.getValues(JOB_RUN.OUTCOME)).containsExactly("FAILED", "SUCCEEDED");
        assertThat(outcomes.get(0).value2()).isEqualTo("IllegalStateException: SMTP server not reachable");
    }

    @Test
    void run_now_works_right_after_a_scheduled_run_but_never_overlaps_a_running_one() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ScheduledJob slow = job("test.slow", Duration.ofHours(1), () -> {
            runs.incrementAndGet();
            inside.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        var scheduled = Executors.newSingleThreadExecutor().submit(() -> runner.runTick("platform", slow, false));
        inside.await();
        assertThat(node("other").runTick("platform", slow, true)).as("run now while it runs").isFalse();
        release.countDown();
        assertThat(scheduled.get()).isTrue();
        assertThat(node("other").runTick("platform", slow, true)).as("run now after it finished").isTrue();
        assertThat(runs.get()).isEqualTo(2);
    }

    @Test
    void a_job_of_an_unknown_or_disabled_plugin_does_not_run() {
        AtomicInteger runs = new AtomicInteger();
        assertThat(runner.runTick("not-installed", job("test.orphan", Duration.ofMinutes(1), runs::incrementAndGet), false)).isFalse();
        assertThat(runs.get()).isZero();
    }

    @Test
    void the_timer_really_runs_contributed_jobs_on_their_schedule() {
        Instant deadline = Instant.now().plusSeconds(10);
        while (Jobs.heartbeats.get() < 3 && Instant.now().isBefore(deadline)) {
            sleep(100);
        }
        assertThat(Jobs.heartbeats.get()).isGreaterThanOrEqualTo(3);
        assertThat(dsl.fetchCount(JOB_RUN, JOB_RUN.JOB_ID.eq("test.heartbeat"))).isGreaterThanOrEqualTo(3);
    }

    @Test
    void stopping_drops_the_waiting_ticks_at_once_instead_of_waiting_for_them() {
        JobScheduler scheduler = new JobScheduler(registry, runner, true);
        scheduler.start();
        assertThat(scheduler.isTicking()).isTrue();
        long started = System.nanoTime();
        scheduler.stop();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("the platform's daily jobs wait hours for their next tick")
                .isLessThan(Duration.ofSeconds(2));
        assertThat(scheduler.isTicking()).isFalse();
    }

    @Test
    void a_job_acts_as_the_system_and_its_changes_are_audited_as_the_job() {
        ScheduledJob auditing = registry.contributions(ScheduledJob.class).stream()
                .filter(j -> j.id().equals("test.auditing")).findFirst().orElseThrow();
        assertThat(runner.runTick("platform", auditing, true)).isTrue();
        assertThat(dsl.fetchExists(AUDIT_LOG, AUDIT_LOG.ACTOR.eq("job:test.auditing").and(AUDIT_LOG.ENTITY_TYPE.eq("reminder")))).isTrue();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
