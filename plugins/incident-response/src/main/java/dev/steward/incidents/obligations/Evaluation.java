package dev.steward.incidents.obligations;

import java.util.List;

/**
 * What the rules make of an incident's facts: the notices owed, and the rules considered that call for none, each
 * with its reason.
 */
public record Evaluation(List<Proposal> owed, List<NotOwed> notOwed) {

    public Evaluation {
        owed = List.copyOf(owed);
        notOwed = List.copyOf(notOwed);
    }
}
