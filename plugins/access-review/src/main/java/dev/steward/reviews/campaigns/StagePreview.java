package dev.steward.reviews.campaigns;

import java.util.List;

/**
 * What ending the current stage does, per system: undecided items get the no-response rule, then the stage rule
 * sends some items on to the next stage and leaves the others with their final outcome.
 */
public record StagePreview(int endingStage, List<SystemLine> systems) {

    public record SystemLine(String system, int undecided, int revokedByRule, int goingOn, int finalApproved, int finalRevoked) {
    }

    public int goingOn() {
        return systems.stream().mapToInt(SystemLine::goingOn).sum();
    }

    public int undecided() {
        return systems.stream().mapToInt(SystemLine::undecided).sum();
    }
}
