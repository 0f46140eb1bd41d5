package dev.steward.reviews.campaigns;

import java.time.Instant;

public record Campaign(long id, String name, String owner, Status status, CampaignForm definition, Instant launchedAt,
                       Instant closedAt, int items, int version) {

    public enum Status { DRAFT, ACTIVE, CLOSED }

    public boolean overdue(Instant now) {
        return status == Status.ACTIVE && definition.dueAt().isBefore(now);
    }
}
