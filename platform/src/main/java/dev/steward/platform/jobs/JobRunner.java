package dev.steward.platform.jobs;

import dev.steward.platform.audit.AuditOrigin;
import dev.steward.platform.db.DatabaseUnavailable;
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
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import static dev.steward.platform.db.generated.Tables.JOB_RUN;

/**
 * Runs one tick of one job: only while its plugin is enabled, as the system actor, recording the run and its
 * outcome. Two ShedLock locks: the tick lock ({@code <id>}) goes to one node per scheduled tick and is held at least
 * half an interval, so a node a little behind does not run the same tick again; the running lock
 * ({@code <id>:running}) is held only while the job runs, so runs never overlap, and "Run now" takes only that one.
 */
public class JobRunner {

    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);
    /**
     * How long a job's locks hold without being renewed (ShedLock's lockAtMostFor): the console renews them while the
     * job runs ({@code KeepAliveLockProvider}, see JobConfiguration), so a node that dies mid-job frees it after this.
     */
    static final Duration DEFAULT_LOCK_TIME = Duration.ofMinutes(1);
    static final String RUNNING = ":running";
    static final Duration LOCK_AT_LEAST_CAP = Duration.ofMinutes(5);

    private final LockProvider locks;
    private final DSLContext dsl;
    private final ExtensionRegistry registry;
    private final PermissionCatalog permissions;
    private final String node;
    private final Duration lockTime;
    /** Why this node's latest tick of a job did not run, by job id: the reason a later {@link MissedRuns} record gives. */
    private final Map<String, TickNote> notes = new ConcurrentHashMap<>();
    private final MissedRuns missed;

    /** A tick of this node that did not run, when and why (for the people reading the Jobs page). */
    record TickNote(Instant at, String reason) {
    }

    public JobRunner(LockProvider locks, DSLContext dsl, ExtensionRegistry registry, PermissionCatalog permissions, String node) {
        this(locks, dsl, registry, permissions, node, DEFAULT_LOCK_TIME);
    }

    public JobRunner(LockProvider locks, DSLContext dsl, ExtensionRegistry registry, PermissionCatalog permissions, String node,
                     Duration lockTime) {
        this.lockTime = lockTime;
        this.locks = locks;
        this.dsl = dsl;
        this.registry = registry;
        this.permissions = permissions;
        this.node = node;
        this.missed = new MissedRuns(dsl, node, this::noteAfter);
    }

    public String node() {
        return node;
    }

    /** Returns true when this node ran the job now; false when its plugin is off or another node holds the tick. */
    public boolean runTick(String pluginId, ScheduledJob job, boolean manual) {
        Instant now = Instant.now();
        if (!registry.isEnabled(pluginId)) {
            notes.put(job.id(), new TickNote(now, "its module was disabled"));
            return false;
        }
        Optional<SimpleLock> tick = Optional.empty();
        if (!manual) {
            Duration hold = minimumHold(job.schedule(), now);
            tick = locks.lock(new LockConfiguration(now, job.id(), hold.compareTo(lockTime) > 0 ? hold : lockTime, hold));
            if (tick.isEmpty()) {
                return false; // another node has this tick
            }
        }
        Optional<SimpleLock> running = locks.lock(new LockConfiguration(now, job.id() + RUNNING, lockTime, Duration.ZERO));
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

    /**
     * The periodic check for missed runs: for every job of an enabled plugin that is not running now, records the
     * ticks that did not run (holding the job's running lock, as a run does, so a gap is recorded once).
     */
    public void recordMissedRuns(Map<String, List<ScheduledJob>> jobs) {
        Instant now = Instant.now();
        jobs.forEach((pluginId, ofPlugin) -> {
            if (!registry.isEnabled(pluginId)) {
                return;
            }
            for (ScheduledJob job : ofPlugin) {
                Optional<SimpleLock> running = locks.lock(new LockConfiguration(now, job.id() + RUNNING, lockTime, Duration.ZERO));
                if (running.isEmpty()) {
                    continue; // it runs now: that run records what it missed
                }
                try {
                    missed.closeInterrupted(job.id());
                    missed.record(pluginId, job, now);
                } finally {
                    running.get().unlock();
                }
            }
        });
    }

    /** A scheduled tick that failed before the job could start (typically: the database was unreachable). */
    void noteFailedTick(String jobId, Throwable failure) {
        notes.put(jobId, new TickNote(Instant.now(), DatabaseUnavailable.causedBy(failure) ? "the database was unreachable"
                : "the tick failed on " + node + " (" + failure.getClass().getSimpleName() + ")"));
    }

    /** The latest note of this node about a tick of the job that did not run, if it is later than {@code after}. */
    Optional<String> noteAfter(String jobId, Instant after) {
        TickNote note = notes.get(jobId);
        return note != null && note.at().isAfter(after) ? Optional.of(note.reason()) : Optional.empty();
    }

    private void execute(String pluginId, ScheduledJob job, boolean manual, Instant started) {
        missed.closeInterrupted(job.id());
        if (!manual) {
            missed.record(pluginId, job, started); // the ticks before this one that did not run, once the database answers
        }
        Long runId = dsl.insertInto(JOB_RUN).set(JOB_RUN.JOB_ID, job.id()).set(JOB_RUN.PLUGIN_ID, pluginId)
                .set(JOB_RUN.NODE, node).set(JOB_RUN.TRIGGER, manual ? "MANUAL" : "SCHEDULE")
                .set(JOB_RUN.STARTED_AT, started).set(JOB_RUN.OUTCOME, "RUNNING")
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
        dsl.update(JOB_RUN).set(JOB_RUN.FINISHED_AT, Instant.now()).set(JOB_RUN.OUTCOME, outcome)
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
