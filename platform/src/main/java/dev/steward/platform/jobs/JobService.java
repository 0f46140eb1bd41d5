package dev.steward.platform.jobs;

import dev.steward.platform.plugin.ExtensionRegistry;
import dev.steward.platform.security.PlatformPermissions;
import dev.steward.platform.spi.ScheduledJob;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static dev.steward.platform.db.generated.Tables.JOB_RUN;
import static org.jooq.impl.DSL.max;

/** What the Jobs page shows and does: every job with its last run and next run, run history, run now. */
@Service
public class JobService {

    private final JobScheduler scheduler;
    private final ExtensionRegistry registry;
    private final DSLContext dsl;

    public JobService(JobScheduler scheduler, ExtensionRegistry registry, DSLContext dsl) {
        this.scheduler = scheduler;
        this.registry = registry;
        this.dsl = dsl;
    }

    @PreAuthorize("hasAuthority('" + PlatformPermissions.JOBS_MANAGE + "')")
    public List<JobStatus> jobs() {
        Map<String, JobRun> last = lastRuns();
        List<JobStatus> result = new ArrayList<>();
        scheduler.jobs().forEach((pluginId, jobs) -> jobs.forEach(job -> {
            boolean enabled = registry.isEnabled(pluginId);
            JobRun lastRun = last.get(job.id());
            result.add(new JobStatus(job.id(), pluginId, job.description(), job.schedule().toString(), enabled, lastRun,
                    enabled ? nextRun(job.schedule(), lastRun) : null));
        }));
        return result;
    }

    @PreAuthorize("hasAuthority('" + PlatformPermissions.JOBS_MANAGE + "')")
    public List<JobRun> history(String jobId, int limit) {
        return dsl.selectFrom(JOB_RUN).where(JOB_RUN.JOB_ID.eq(jobId)).orderBy(JOB_RUN.STARTED_AT.desc()).limit(limit)
                .fetch(JobService::toRun);
    }

    /** The latest failed and missed runs of every job, newest first (the Jobs page's "needs attention" list). */
    @PreAuthorize("hasAuthority('" + PlatformPermissions.JOBS_MANAGE + "')")
    public List<JobRun> failedAndMissed(int limit) {
        return dsl.selectFrom(JOB_RUN).where(JOB_RUN.OUTCOME.in("FAILED", "MISSED")).orderBy(JOB_RUN.STARTED_AT.desc())
                .limit(Math.max(1, Math.min(limit, 200))).fetch(JobService::toRun);
    }

    /** Starts the job now in the background; refused while its plugin is disabled. */
    @PreAuthorize("hasAuthority('" + PlatformPermissions.JOBS_MANAGE + "')")
    public void runNow(String jobId) {
        var job = scheduler.find(jobId).orElseThrow(() -> new IllegalArgumentException("No job '" + jobId + "'"));
        registry.requireEnabled(job.getKey());
        scheduler.runNow(job.getKey(), job.getValue());
    }

    private Map<String, JobRun> lastRuns() {
        var latest = dsl.select(JOB_RUN.JOB_ID, max(JOB_RUN.ID).as("id")).from(JOB_RUN).groupBy(JOB_RUN.JOB_ID).asTable("latest");
        return dsl.select(JOB_RUN.asterisk()).from(JOB_RUN).join(latest).on(JOB_RUN.ID.eq(latest.field("id", Long.class)))
                .fetch(JobService::toRun).stream().collect(Collectors.toMap(JobRun::jobId, r -> r));
    }

    static Instant nextRun(ScheduledJob.Schedule schedule, JobRun last) {
        Instant now = Instant.now();
        if (schedule.cron() != null) {
            var next = CronExpression.parse(schedule.cron()).next(now.atZone(ZoneOffset.UTC));
            return next == null ? null : next.toInstant();
        }
        if (last == null || last.finishedAt() == null) {
            return now;
        }
        Instant next = last.finishedAt().plus(schedule.fixedDelay());
        return next.isBefore(now) ? now : next;
    }

    private static JobRun toRun(Record r) {
        return new JobRun(r.get(JOB_RUN.ID), r.get(JOB_RUN.JOB_ID), r.get(JOB_RUN.NODE), "MANUAL".equals(r.get(JOB_RUN.TRIGGER)),
                r.get(JOB_RUN.STARTED_AT), r.get(JOB_RUN.FINISHED_AT),
                r.get(JOB_RUN.OUTCOME), r.get(JOB_RUN.ERROR));
    }
}
