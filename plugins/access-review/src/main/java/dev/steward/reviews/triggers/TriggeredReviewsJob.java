package dev.steward.reviews.triggers;

import dev.steward.platform.spi.ScheduledJob;
import org.springframework.stereotype.Component;

import java.time.Instant;

/** Every five minutes: launches the micro-reviews that movers, leavers and incidents triggered. */
@Component
class TriggeredReviewsJob implements ScheduledJob {

    private final TriggeredReviews reviews;

    TriggeredReviewsJob(TriggeredReviews reviews) {
        this.reviews = reviews;
    }

    @Override
    public String id() {
        return "reviews.triggered-reviews";
    }

    @Override
    public String description() {
        return "Launches the access reviews triggered by movers, leavers and incidents linked to systems, and tells their owners";
    }

    @Override
    public Schedule schedule() {
        return Schedule.cron("0 */5 * * * *");
    }

    @Override
    public void run(JobContext context) {
        reviews.launchPending(Instant.now());
    }
}
