package dev.steward.dsr.fulfilment;

/** A console user who may be given fulfilment tasks (their roles hold {@code dsr.tasks} or {@code dsr.work}). */
public record Assignee(String username, String displayName) {

    /** "Display name (user name)", or the user name alone when it is the display name. */
    public String label() {
        return displayName == null || displayName.isBlank() || displayName.equals(username) ? username : displayName + " (" + username + ")";
    }
}
