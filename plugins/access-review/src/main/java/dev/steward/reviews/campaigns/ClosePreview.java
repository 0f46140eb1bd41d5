package dev.steward.reviews.campaigns;

import java.util.List;

/**
 * What closing would do with the undecided items, per system: the privileged or flagged ones under the campaign's rule
 * for them, the others under its no-response rule.
 */
public record ClosePreview(List<SystemLine> systems) {

    /**
     * @param sensitiveUndecided undecided items that are privileged or flagged
     * @param sensitiveWouldKeep of those, the ones the rule would keep although nobody looked at them
     */
    public record SystemLine(String system, int undecided, int wouldKeep, int wouldRevoke, int sensitiveUndecided,
                             int sensitiveWouldKeep) {
    }

    public int wouldRevoke() {
        return systems.stream().mapToInt(SystemLine::wouldRevoke).sum();
    }

    public int wouldKeep() {
        return systems.stream().mapToInt(SystemLine::wouldKeep).sum();
    }

    public int sensitiveUndecided() {
        return systems.stream().mapToInt(SystemLine::sensitiveUndecided).sum();
    }

    public int sensitiveWouldKeep() {
        return systems.stream().mapToInt(SystemLine::sensitiveWouldKeep).sum();
    }
}
