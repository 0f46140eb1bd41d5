package dev.steward.platform.jobs;

import java.time.Instant;

/** A job as the Jobs page shows it. {@code nextRun} is an estimate (null while its plugin is off). */
public record JobStatus(String id, String pluginId, String description, String schedule, boolean pluginEnabled,
                        JobRun lastRun, Instant nextRun) {
}
