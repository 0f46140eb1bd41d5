package dev.steward.platform.spi;

import java.time.Duration;
import java.time.Instant;

/**
 * Extension point: recurring work (reminders, escalations, sending mail, purges). The platform runs it on its
 * schedule, once per tick across every console instance sharing the database, and only while the contributing
 * plugin is enabled; each run is recorded (Jobs page).
 */
public interface ScheduledJob {

    /** Unique, stable, at most 55 characters: {@code <plugin>.<job>}, e.g. {@code notifications.send-mail}. */
    String id();

    String description();

    Schedule schedule();

    /** Does the work; throw to record a failure (the next tick runs as usual). */
    void run(JobContext context) throws Exception;

    /** Either a cron expression (Spring's six fields, evaluated in UTC) or a fixed delay between runs. */
    record Schedule(String cron, Duration fixedDelay) {

        public static Schedule cron(String expression) {
            return new Schedule(expression, null);
        }

        public static Schedule every(Duration delay) {
            return new Schedule(null, delay);
        }

        @Override
        public String toString() {
            return cron != null ? "cron " + cron : "every " + fixedDelay.toString().substring(2).toLowerCase();
        }
    }

    /** @param manual true when an admin pressed "Run now" */
    record JobContext(Instant startedAt, String node, boolean manual) {
    }
}
