package dev.steward.reviews.campaigns;

import dev.steward.platform.spi.ScheduledJob;
import org.springframework.stereotype.Component;

import java.time.Instant;

/** Every quarter of an hour: launches the repeated campaigns that are due. */
@Component
class RecurringCampaignsJob implements ScheduledJob {

    private final RecurringCampaigns recurring;

    RecurringCampaignsJob(RecurringCampaigns recurring) {
        this.recurring = recurring;
    }

    @Override
    public String id() {
        return "reviews.recurring-campaigns";
    }

    @Override
    public String description() {
        return "Launches repeated access-review campaigns when they are due, and tells their owners";
    }

    @Override
    public Schedule schedule() {
        return Schedule.cron("0 */15 * * * *");
    }

    @Override
    public void run(JobContext context) {
        recurring.launchDue(Instant.now());
    }
}
