package dev.steward.platform.spi;

import dev.steward.platform.notifications.Notification;

/**
 * Extension point: how one kind of notification reads as an email. Plugins contribute one per kind they send;
 * kinds without a template use the platform's default (title, body and link).
 */
public interface NotificationTemplate {

    String kind();

    /** @param link the absolute URL of the record, or null; every value a template puts into HTML must be escaped */
    RenderedMail render(Notification notification, String link);

    record RenderedMail(String subject, String text, String html) {
    }
}
