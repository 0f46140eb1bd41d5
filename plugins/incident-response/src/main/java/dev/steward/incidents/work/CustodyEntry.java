package dev.steward.incidents.work;

import java.time.Instant;

/** One step in an evidence item's chain of custody. */
public record CustodyEntry(long attachmentId, Instant at, String actor, Action action, String reason) {

    public enum Action {
        COLLECTED("Collected"), TRANSFERRED("Transferred"), ANALYSED("Analysed"), STORED("Stored"), RETURNED("Returned"),
        RELEASED("Released to a third party"),
        /** A document the console generated from the incident (an issued notice) and kept as evidence. */
        ISSUED("Issued");

        private final String label;

        Action(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
