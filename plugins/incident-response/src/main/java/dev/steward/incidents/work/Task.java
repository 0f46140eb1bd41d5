package dev.steward.incidents.work;

import java.time.Instant;

public record Task(long id, long incidentId, String title, String assignee, Instant due, Status status, Instant doneAt,
                   String doneBy, int version) {

    public enum Status { OPEN, DONE, CANCELLED }

    public boolean overdue(Instant now) {
        return status == Status.OPEN && due != null && due.isBefore(now);
    }
}
