package dev.steward.reviews.campaigns;

import dev.steward.platform.spi.ScheduledJob;
import org.springframework.stereotype.Component;

import java.time.Instant;

/** Every quarter of an hour: escalates the privileged and flagged items nobody decided in time. */
@Component
class SensitiveEscalationJob implements ScheduledJob {

    private final SensitiveEscalation escalation;

    SensitiveEscalationJob(SensitiveEscalation escalation) {
        this.escalation = escalation;
    }

    @Override
    public String id() {
        return "reviews.escalate-sensitive-items";
    }

    @Override
    public String description() {
        return "Escalates undecided privileged and flagged review items past their due date to the reviewer's manager, then the fallback reviewer";
    }

    @Override
    public Schedule schedule() {
        return Schedule.cron("0 5/15 * * * *");
    }

    @Override
    public void run(JobContext context) {
        escalation.escalateDue(Instant.now());
    }
}
