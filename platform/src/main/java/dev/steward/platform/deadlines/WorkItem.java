package dev.steward.platform.deadlines;

import dev.steward.platform.spi.DeadlineSource.Deadline;

/** A deadline placed in its group for the viewer's time zone. */
public record WorkItem(Deadline deadline, WorkGroup group) {
}
