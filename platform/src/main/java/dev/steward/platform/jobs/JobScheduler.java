package dev.steward.platform.jobs;

import dev.steward.platform.db.DatabaseUnavailable;
import dev.steward.platform.plugin.ExtensionRegistry;
import dev.steward.platform.spi.ScheduledJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.support.CronTrigger;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Puts every started plugin's {@link ScheduledJob}s on a timer when the console is up, and takes them off when it
 * stops. Each tick goes through {@link JobRunner}, which decides whether this node runs it.
 * {@code steward.jobs.enabled=false} leaves the timer off (the jobs can still be run now by an admin).
 */
@Component
public class JobScheduler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(JobScheduler.class);
    static final int STOP_WAIT_SECONDS = 5;

    private final ExtensionRegistry registry;
    private final JobRunner runner;
    private final boolean enabled;
    /** How often the ticks that did not run are looked for (null: only when a job runs again). */
    private final Duration missedCheckEvery;

    private ThreadPoolTaskScheduler timer;
    private boolean running;
    private boolean ticking;

    public JobScheduler(ExtensionRegistry registry, JobRunner runner, boolean enabled) {
        this(registry, runner, enabled, null);
    }

    @Autowired
    JobScheduler(ExtensionRegistry registry, JobRunner runner, @Value("${steward.jobs.enabled:true}") boolean enabled,
                 @Value("${steward.jobs.missed-check-every:PT1M}") Duration missedCheckEvery) {
        this.registry = registry;
        this.runner = runner;
        this.enabled = enabled;
        this.missedCheckEvery = missedCheckEvery;
    }

    /** Every job of every started plugin, by plugin id. */
    public Map<String, List<ScheduledJob>> jobs() {
        return registry.startedContributions(ScheduledJob.class);
    }

    public Optional<Map.Entry<String, ScheduledJob>> find(String jobId) {
        return jobs().entrySet().stream().flatMap(e -> e.getValue().stream().map(job -> Map.entry(e.getKey(), job)))
                .filter(e -> e.getValue().id().equals(jobId)).findFirst();
    }

    /** Runs a job now, in the background, whatever its schedule (an admin's "Run now"). */
    public void runNow(String pluginId, ScheduledJob job) {
        ensureTimer().execute(() -> runner.runTick(pluginId, job, true));
    }

    @Override
    public synchronized void start() {
        running = true;
        if (!enabled) {
            log.info("Scheduled jobs are off (steward.jobs.enabled=false)");
            return;
        }
        ThreadPoolTaskScheduler scheduler = ensureTimer();
        jobs().forEach((pluginId, jobs) -> jobs.forEach(job -> {
            Runnable tick = () -> tick(pluginId, job);
            if (job.schedule().cron() != null) {
                scheduler.schedule(tick, new CronTrigger(job.schedule().cron(), ZoneOffset.UTC));
            } else {
                scheduler.scheduleWithFixedDelay(tick, job.schedule().fixedDelay());
            }
            log.info("Job {} of {} scheduled: {}", job.id(), pluginId, job.schedule());
        }));
        if (missedCheckEvery != null) {
            scheduler.scheduleWithFixedDelay(this::checkMissedRuns, missedCheckEvery);
        }
        ticking = true;
    }

    /** One scheduled tick; one that cannot even start (no database) is noted for the missed run recorded later. */
    private void tick(String pluginId, ScheduledJob job) {
        try {
            runner.runTick(pluginId, job, false);
        } catch (RuntimeException e) {
            runner.noteFailedTick(job.id(), e);
            if (DatabaseUnavailable.causedBy(e)) {
                log.warn("Job {}: this tick did not run, the database is unreachable ({})", job.id(), e.getMessage());
            } else {
                log.error("Job {}: this tick did not run", job.id(), e);
            }
        }
    }

    private void checkMissedRuns() {
        try {
            runner.recordMissedRuns(jobs());
        } catch (RuntimeException e) {
            if (!DatabaseUnavailable.causedBy(e)) {
                log.error("Checking for missed job runs failed", e);
            } // else: checked again once the database answers
        }
    }

    /** Whether jobs run on their schedules here (false with {@code steward.jobs.enabled=false}, and in command runs). */
    public synchronized boolean isTicking() {
        return ticking;
    }

    private synchronized ThreadPoolTaskScheduler ensureTimer() {
        if (timer == null) {
            timer = new ThreadPoolTaskScheduler();
            timer.setPoolSize(2);
            timer.setThreadNamePrefix("steward-job-");
            timer.setDaemon(true); // a timer never keeps the JVM alive
            // stopping drops the waiting ticks at once and waits a little for the jobs running now (each commits on its own)
            timer.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
            timer.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
            timer.setWaitForTasksToCompleteOnShutdown(true);
            timer.setAwaitTerminationSeconds(STOP_WAIT_SECONDS);
            timer.initialize();
        }
        return timer;
    }

    @Override
    public synchronized void stop() {
        running = false;
        ticking = false;
        if (timer != null) {
            timer.shutdown();
            timer = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return running;
    }
}
