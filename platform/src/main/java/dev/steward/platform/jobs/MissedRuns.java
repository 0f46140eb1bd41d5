package dev.steward.platform.jobs;

import dev.steward.platform.spi.ScheduledJob;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.support.CronExpression;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.function.BiFunction;

import static dev.steward.platform.db.generated.Tables.JOB_RUN;

/**
 * Records the scheduled ticks of a job that did not run as one {@code MISSED} run per gap (started at the first
 * missed tick, finished at the last), so the Jobs page shows them and not only the log: the database was
 * unreachable, no console was running, or all were busy past the tick's time. Measured from the job's last scheduled
 * run, by whoever holds the job's running lock ({@link JobRunner}): the next run before it starts, or the periodic
 * check while the job waits for its next tick. So a gap is recorded once, and once the database answers again.
 */
class MissedRuns {

    private static final Logger log = LoggerFactory.getLogger(MissedRuns.class);
    /** A tick is missed only when it is this late: half its interval, at least a second, at most five minutes. */
    static final Duration MAX_GRACE = Duration.ofMinutes(5);
    private static final int MAX_TICKS_COUNTED = 100_000;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    /** The ticks of one gap: how many, the first and the last. */
    record Gap(long ticks, Instant first, Instant last) {
    }

    private final DSLContext dsl;
    private final String node;
    /** Why a tick of the job (id) after the instant did not run, as this node saw it. */
    private final BiFunction<String, Instant, Optional<String>> reasons;

    MissedRuns(DSLContext dsl, String node, BiFunction<String, Instant, Optional<String>> reasons) {
        this.dsl = dsl;
        this.node = node;
        this.reasons = reasons;
    }

    /**
     * Call holding the job's running lock: a run still marked RUNNING then died with its console or lost the
     * database. It is marked failed (its end unknown: finished when it started), and later ticks count from its start.
     */
    void closeInterrupted(String jobId) {
        dsl.update(JOB_RUN).set(JOB_RUN.OUTCOME, "FAILED").set(JOB_RUN.FINISHED_AT, JOB_RUN.STARTED_AT)
                .set(JOB_RUN.ERROR, "Interrupted: its console stopped or lost the database before the run finished")
                .where(JOB_RUN.JOB_ID.eq(jobId)).and(JOB_RUN.OUTCOME.eq("RUNNING")).execute();
    }

    /** Call holding the job's running lock, after {@link #closeInterrupted}. Returns whether a gap was recorded. */
    boolean record(String pluginId, ScheduledJob job, Instant now) {
        var last = dsl.select(JOB_RUN.STARTED_AT, JOB_RUN.FINISHED_AT).from(JOB_RUN)
                .where(JOB_RUN.JOB_ID.eq(job.id())).and(JOB_RUN.TRIGGER.eq("SCHEDULE"))
                .orderBy(JOB_RUN.STARTED_AT.desc()).limit(1).fetchOne();
        if (last == null) {
            return false; // never ran: nothing to measure from
        }
        Instant reference = last.value2() != null ? last.value2() : last.value1();
        Optional<Gap> gap = gap(job.schedule(), reference, now);
        if (gap.isEmpty()) {
            return false;
        }
        Gap g = gap.get();
        String reason = reasons.apply(job.id(), reference).orElse("no console ran it in time (all were stopped or busy)");
        String text = (g.ticks() == 1 ? "Missed the run due " + TIME.format(g.first())
                : "Missed " + g.ticks() + " runs due from " + TIME.format(g.first()) + " to " + TIME.format(g.last())) + ": " + reason;
        dsl.insertInto(JOB_RUN).set(JOB_RUN.JOB_ID, job.id()).set(JOB_RUN.PLUGIN_ID, pluginId).set(JOB_RUN.NODE, node)
                .set(JOB_RUN.TRIGGER, "SCHEDULE").set(JOB_RUN.STARTED_AT, g.first())
                .set(JOB_RUN.FINISHED_AT, g.last()).set(JOB_RUN.OUTCOME, "MISSED")
                .set(JOB_RUN.ERROR, text).execute();
        log.warn("Job {}: {}", job.id(), text);
        return true;
    }

    /** The ticks due after {@code reference} that are late by more than the grace at {@code now}, if any. */
    static Optional<Gap> gap(ScheduledJob.Schedule schedule, Instant reference, Instant now) {
        Instant latest = now.minus(grace(schedule, now));
        if (schedule.cron() != null) {
            CronExpression cron = CronExpression.parse(schedule.cron());
            var tick = cron.next(reference.atZone(ZoneOffset.UTC));
            Instant first = null;
            Instant last = null;
            long count = 0;
            while (tick != null && !tick.toInstant().isAfter(latest) && count < MAX_TICKS_COUNTED) {
                if (first == null) {
                    first = tick.toInstant();
                }
                last = tick.toInstant();
                count++;
                tick = cron.next(tick);
            }
            return count == 0 ? Optional.empty() : Optional.of(new Gap(count, first, last));
        }
        Duration delay = schedule.fixedDelay();
        long count = Duration.between(reference, latest).toMillis() / Math.max(1, delay.toMillis());
        if (count <= 0) {
            return Optional.empty();
        }
        return Optional.of(new Gap(count, reference.plus(delay), reference.plus(delay.multipliedBy(count))));
    }

    static Duration grace(ScheduledJob.Schedule schedule, Instant now) {
        Duration interval = schedule.fixedDelay();
        if (schedule.cron() != null) {
            var cron = CronExpression.parse(schedule.cron());
            var next = cron.next(now.atZone(ZoneOffset.UTC));
            var after = next == null ? null : cron.next(next);
            interval = next == null || after == null ? MAX_GRACE.multipliedBy(2) : Duration.between(next, after);
        }
        Duration half = interval.dividedBy(2);
        if (half.compareTo(Duration.ofSeconds(1)) < 0) {
            return Duration.ofSeconds(1);
        }
        return half.compareTo(MAX_GRACE) > 0 ? MAX_GRACE : half;
    }
}
