package dev.steward.dsr.records;

import dev.steward.platform.spi.ScheduledJob;
import org.springframework.stereotype.Component;

/** Runs the retention purge of request records every night. */
@Component
class RetentionJob implements ScheduledJob {

    private final RequestRetention retention;

    RetentionJob(RequestRetention retention) {
        this.retention = retention;
    }

    @Override
    public String id() {
        return "dsr.retention-purge";
    }

    @Override
    public String description() {
        return "Removes the requester's personal data from rights requests closed more than 24 months ago, keeping the record";
    }

    @Override
    public Schedule schedule() {
        return Schedule.cron("0 30 2 * * *");
    }

    @Override
    public void run(JobContext context) {
        int purged;
        do {
            purged = retention.purgeDue(context.startedAt());
        } while (purged == RequestRetention.BATCH);
    }
}
