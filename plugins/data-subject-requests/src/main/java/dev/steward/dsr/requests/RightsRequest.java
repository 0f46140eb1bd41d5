package dev.steward.dsr.requests;

import java.time.Instant;
import java.util.Set;

/** One rights request as the team sees it. After the retention purge the requester's fields are null. */
public record RightsRequest(long id, String reference, Regime regime, String jurisdiction, Channel channel, String receivedVia,
                            Instant receivedAt, RequestStatus status, Set<RequestType> types, Requester requester,
                            Long subjectPersonId, OnBehalf onBehalf, String agentName, String agentEmail, String details,
                            Instant acknowledgeBy, Instant acknowledgedAt, Instant dueAt, Instant closedAt, Outcome outcome,
                            String outcomeReason, String assignee, Instant purgedAt, int version) {

    public boolean open() {
        return status != RequestStatus.CLOSED;
    }

    public boolean overdue(Instant now) {
        return open() && dueAt != null && dueAt.isBefore(now);
    }

    public boolean purged() {
        return purgedAt != null;
    }
}
