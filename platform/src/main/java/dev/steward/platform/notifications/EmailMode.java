package dev.steward.platform.notifications;

/** How a user wants one kind of notification by email. */
public enum EmailMode {
    IMMEDIATE("At once"), DIGEST("Daily digest"), OFF("Not by email");

    private final String label;

    EmailMode(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
