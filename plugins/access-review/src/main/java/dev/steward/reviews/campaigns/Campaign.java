package dev.steward.reviews.campaigns;

import java.time.Instant;

/** A campaign; {@code currentStage} is the stage under review while active (1 for drafts). */
public record Campaign(long id, String name, String owner, Status status, CampaignForm definition, Instant launchedAt,
                       Instant closedAt, int items, int currentStage, int version) {

    public enum Status { DRAFT, ACTIVE, CLOSED }

    public boolean overdue(Instant now) {
        return status == Status.ACTIVE && definition.dueAt().isBefore(now);
    }

    public int stageCount() {
        return definition.stages().size();
    }

    /** Whether another stage follows the current one. */
    public boolean hasNextStage() {
        return status == Status.ACTIVE && currentStage < stageCount();
    }

    public CampaignForm.Stage stage() {
        return definition.stages().get(currentStage - 1);
    }
}
