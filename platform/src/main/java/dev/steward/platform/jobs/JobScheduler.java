package dev.steward.platform.jobs;

import dev.steward.platform.plugin.ExtensionRegistry;
import dev.steward.platform.spi.ScheduledJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.support.CronTrigger;
import org.springframework.stereotype.Component;

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

    private ThreadPoolTaskScheduler timer;
    private boolean running;
    private boolean ticking;

    public JobScheduler(ExtensionRegistry registry, JobRunner runner, @Value("${steward.jobs.enabled:true}") boolean enabled) {
        this.registry = registry;
        this.runner = runner;
        this.enabled = enabled;
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
            Runnable tick = () -> runner.runTick(pluginId, job, false);
            if (job.schedule().cron() != null) {
                scheduler.schedule(tick, new CronTrigger(job.schedule().cron(), ZoneOffset.UTC));
            } else {
                scheduler.scheduleWithFixedDelay(tick, job.schedule().fixedDelay());
            }
            log.info("Job {} of {} scheduled: {}", job.id(), pluginId, job.schedule());
        }));
        ticking = true;
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
