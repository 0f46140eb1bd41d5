package dev.steward.platform.notifications;

/**
 * Sends notifications. Joins the caller's transaction: a notification exists exactly when the business change that
 * caused it was committed (emails go through an outbox and are sent by a job, never lost).
 */
public interface NotificationService {

    void send(Notification notification);

    /** Sends many at once (a campaign launch tells a thousand reviewers): the same as sending each, in fewer statements. */
    default void sendAll(java.util.Collection<Notification> notifications) {
        notifications.forEach(this::send);
    }
}
