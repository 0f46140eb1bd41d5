package dev.steward.incidents.work;

import java.time.Instant;

public record TimelineEntry(long id, Instant at, String actor, Kind kind, String summary) {

    public enum Kind { LOGGED, FACTS, PHASE, ASSESSMENT, OBLIGATION, TASK, NOTE, FILE }
}
