package dev.steward.platform.jobs;

import java.time.Duration;
import java.time.Instant;

/** One recorded run; {@code finishedAt} is null while it runs. */
public record JobRun(long id, String jobId, String node, boolean manual, Instant startedAt, Instant finishedAt,
                     String outcome, String error) {

    public Duration duration() {
        return finishedAt == null ? null : Duration.between(startedAt, finishedAt);
    }
}
