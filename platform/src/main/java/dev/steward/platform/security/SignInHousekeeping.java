package dev.steward.platform.security;

import dev.steward.platform.spi.ScheduledJob;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;

/** Writes the summaries of closed sign-in audit windows and forgets throttle state that is over. */
@Component
class SignInHousekeeping implements ScheduledJob {

    private final SignInAudit audit;
    private final SignInThrottle throttle;
    private final Duration every;

    SignInHousekeeping(SignInAudit audit, SignInThrottle throttle, @Value("${steward.sign-in.housekeeping-every:1m}") Duration every) {
        this.audit = audit;
        this.throttle = throttle;
        this.every = every;
    }

    @Override
    public String id() {
        return "platform.sign-in-housekeeping";
    }

    @Override
    public String description() {
        return "Audits the counts of refused sign-ins and API tokens per window, and forgets old sign-in failures";
    }

    @Override
    public Schedule schedule() {
        return Schedule.every(every);
    }

    @Override
    public void run(JobContext context) {
        audit.writeSummaries();
        throttle.purge();
    }
}
