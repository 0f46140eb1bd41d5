package dev.steward.platform.validation;

/**
 * A change refused because the record changed since the user read it (its version moved on): nothing was written, and
 * the message tells the user to reload and try again. Services throw it, not jOOQ's {@code DataChangedException}, so
 * that views handle it without depending on the data layer.
 */
public class ConcurrentChangeException extends RuntimeException {

    /** @param message for the user: what changed, and to reload and try again */
    public ConcurrentChangeException(String message) {
        super(message);
    }
}
