package dev.steward.platform.people;

import java.util.Locale;
import java.util.Optional;

public enum EmploymentStatus {
    ACTIVE("Active"), LEAVE("On leave"), TERMINATED("Terminated");

    private final String label;

    EmploymentStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Accepts the name or the label in any case: "active", "On leave", "LEAVE", "terminated". */
    public static Optional<EmploymentStatus> parse(String text) {
        String t = text == null ? "" : text.trim().toUpperCase(Locale.ROOT).replace(' ', '_');
        return switch (t) {
            case "ACTIVE" -> Optional.of(ACTIVE);
            case "LEAVE", "ON_LEAVE" -> Optional.of(LEAVE);
            case "TERMINATED" -> Optional.of(TERMINATED);
            default -> Optional.empty();
        };
    }
}
