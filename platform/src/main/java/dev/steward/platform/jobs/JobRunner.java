package dev.steward.platform.jobs;

import dev.steward.platform.audit.AuditOrigin;
import dev.steward.platform.plugin.ExtensionRegistry;
import dev.steward.platform.security.PermissionCatalog;
import dev.steward.platform.spi.ScheduledJob;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static dev.steward.platform.db.generated.Tables.JOB_RUN;

/**
 * Runs one tick of one job: only while its plugin is enabled, as the system actor, recording the run and its
 * outcome. Two ShedLock locks: the tick lock ({@code <id>}) goes to one node per scheduled tick and is held at least
 * half an interval, so a node a little behind does not run the same tick again; the running lock
 * ({@code <id>:running}) is held only while the job runs, so runs never overlap, and "Run now" takes only that one.
 */
public class JobRunner {

    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);
    static final Duration LOCK_AT_MOST = Duration.ofMinutes(30);
    static final String RUNNING = ":running";
    static final Duration LOCK_AT_LEAST_CAP = Duration.ofMinutes(5);

    private final LockProvider locks;
    private final DSLContext dsl;
    private final ExtensionRegistry registry;
    private final PermissionCatalog permissions;
    private final String node;

    public JobRunner(LockProvider locks, DSLContext dsl, ExtensionRegistry registry, PermissionCatalog permissions, String node) {
        this.locks = locks;
        this.dsl = dsl;
        this.registry = registry;
        this.permissions = permissions;
        this.node = node;
    }

    public String node() {
        return node;
    }

    /** Returns true when this node ran the job now; false when its plugin is off or another node holds the tick. */
    public boolean runTick(String pluginId, ScheduledJob job, boolean manual) {
        if (!registry.isEnabled(pluginId)) {
            return false;
        }
        Instant now = Instant.now();
        Optional<SimpleLock> tick = Optional.empty();
        if (!manual) {
            tick = locks.lock(new LockConfiguration(now, job.id(), LOCK_AT_MOST, minimumHold(job.schedule(), now)));
            if (tick.isEmpty()) {
                return false; // another node has this tick
            }
        }
        Optional<SimpleLock> running = locks.lock(new LockConfiguration(now, job.id() + RUNNING, LOCK_AT_MOST, Duration.ZERO));
        try {
            if (running.isEmpty()) {
                return false; // still running (e.g. started by "Run now")
            }
            execute(pluginId, job, manual, now);
            return true;
        } finally {
            running.ifPresent(SimpleLock::unlock);
            tick.ifPresent(SimpleLock::unlock); // the tick lock still holds until its minimum time is over
        }
    }

    private void execute(String pluginId, ScheduledJob job, boolean manual, Instant started) {
        Long runId = dsl.insertInto(JOB_RUN).set(JOB_RUN.JOB_ID, job.id()).set(JOB_RUN.PLUGIN_ID, pluginId)
                .set(JOB_RUN.NODE, node).set(JOB_RUN.TRIGGER, manual ? "MANUAL" : "SCHEDULE")
                .set(JOB_RUN.STARTED_AT, started.atOffset(ZoneOffset.UTC)).set(JOB_RUN.OUTCOME, "RUNNING")
                .returning(JOB_RUN.ID).fetchOne(JOB_RUN.ID);
        String outcome = "SUCCEEDED";
        String error = null;
        var previous = SecurityContextHolder.getContext();
        SecurityContextHolder.setContext(SecurityContextHolder.createEmptyContext());
        SecurityContextHolder.getContext().setAuthentication(systemAuthentication(job));
        Throwable failure;
        try {
            failure = AuditOrigin.runAs(new AuditOrigin("job:" + job.id(), null, null), () -> {
                try {
                    job.run(new ScheduledJob.JobContext(started, node, manual));
                    return null;
                } catch (Exception e) {
                    return e;
                }
            });
        } catch (LinkageError e) {
            failure = e;
        } finally {
            SecurityContextHolder.setContext(previous);
        }
        if (failure != null) {
            outcome = "FAILED";
            error = failure.getClass().getSimpleName() + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
            log.error("Job {} failed", job.id(), failure);
        }
        dsl.update(JOB_RUN).set(JOB_RUN.FINISHED_AT, OffsetDateTime.now(ZoneOffset.UTC)).set(JOB_RUN.OUTCOME, outcome)
                .set(JOB_RUN.ERROR, error == null ? null : error.substring(0, Math.min(error.length(), 4000)))
                .where(JOB_RUN.ID.eq(runId)).execute();
    }

    /** Jobs act as "system" with every permission a role can hold; what they change is audited as job:<id>. */
    private UsernamePasswordAuthenticationToken systemAuthentication(ScheduledJob job) {
        Set<String> all = new TreeSet<>();
        permissions.permissionsByRole().values().forEach(all::addAll);
        return UsernamePasswordAuthenticationToken.authenticated("job:" + job.id(), null,
                all.stream().map(SimpleGrantedAuthority::new).toList());
    }

    /** Half the time to the next tick, at most five minutes. */
    static Duration minimumHold(ScheduledJob.Schedule schedule, Instant now) {
        Duration interval;
        if (schedule.cron() != null) {
            var cron = CronExpression.parse(schedule.cron());
            var next = cron.next(now.atZone(ZoneOffset.UTC));
            var after = next == null ? null : cron.next(next);
            interval = next == null || after == null ? Duration.ZERO : Duration.between(next, after);
        } else {
            interval = schedule.fixedDelay();
        }
        Duration half = interval.dividedBy(2);
        return half.compareTo(LOCK_AT_LEAST_CAP) > 0 ? LOCK_AT_LEAST_CAP : half;
    }
}
