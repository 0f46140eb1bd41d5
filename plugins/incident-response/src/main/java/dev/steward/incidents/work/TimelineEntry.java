package dev.steward.incidents.work;

import java.time.Instant;

public record TimelineEntry(long id, Instant at, String actor, Kind kind, String summary) {

    public enum Kind {
        LOGGED("Logged"), FACTS("Facts"), PHASE("Phase"), ASSESSMENT("Assessment"), OBLIGATION("Notification"), TASK("Task"),
        NOTE("Note"), FILE("Evidence");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
