package dev.steward.platform.notifications;

import java.util.Map;

/**
 * Something to tell one user: in the app (the bell) and, by their preferences, by email.
 *
 * @param kind      the template key, e.g. {@code incidents.assigned} or {@code deadlines.reminder}
 * @param recipient the user name of the recipient
 * @param link      the console route to the record (e.g. {@code incidents/42}), or null
 * @param data      values for the template (escaped by the template engine)
 */
public record Notification(String module, String kind, String recipient, String title, String body, String link,
                           Map<String, Object> data) {

    public Notification {
        data = data == null ? Map.of() : Map.copyOf(data);
    }
}
