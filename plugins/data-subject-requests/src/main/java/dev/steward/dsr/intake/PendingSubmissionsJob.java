package dev.steward.dsr.intake;

import dev.steward.platform.spi.ScheduledJob;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;

/** Every five minutes: public submissions whose code ran out are deleted, with the personal data they hold. */
@Component
class PendingSubmissionsJob implements ScheduledJob {

    private final PublicIntake intake;

    PendingSubmissionsJob(PublicIntake intake) {
        this.intake = intake;
    }

    @Override
    public String id() {
        return "dsr.purge-unconfirmed-submissions";
    }

    @Override
    public String description() {
        return "Deletes public request submissions whose email code was not typed within 30 minutes, and old rate-limit entries";
    }

    @Override
    public Schedule schedule() {
        return Schedule.every(Duration.ofMinutes(5));
    }

    @Override
    public void run(JobContext context) {
        intake.purgeExpired(Instant.now());
    }
}
