package dev.steward.console.ui.shell;

/** Navigation refused because the user lacks a permission (shown by {@link ForbiddenView}). */
public class ForbiddenException extends RuntimeException {
    /** Vaadin instantiates error parameters reflectively. */
    public ForbiddenException() {
        super("Navigation refused");
    }

    public ForbiddenException(String message) {
        super(message);
    }
}
