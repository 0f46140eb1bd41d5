package dev.steward.reviews.campaigns;

import java.util.List;

/** What closing would do with the undecided items, per system, under the campaign's no-response rule. */
public record ClosePreview(List<SystemLine> systems) {

    public record SystemLine(String system, int undecided, int wouldKeep, int wouldRevoke) {
    }

    public int wouldRevoke() {
        return systems.stream().mapToInt(SystemLine::wouldRevoke).sum();
    }

    public int wouldKeep() {
        return systems.stream().mapToInt(SystemLine::wouldKeep).sum();
    }
}
