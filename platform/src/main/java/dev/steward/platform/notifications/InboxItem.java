package dev.steward.platform.notifications;

import java.time.Instant;

/** A notification in a user's bell. */
public record InboxItem(long id, String module, String kind, String title, String body, String link, Instant createdAt,
                        boolean read) {
}
