package dev.steward.platform.notifications;

/**
 * Sends notifications. Joins the caller's transaction: a notification exists exactly when the business change that
 * caused it was committed (emails go through an outbox and are sent by a job, never lost).
 */
public interface NotificationService {

    void send(Notification notification);
}
