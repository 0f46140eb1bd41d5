package dev.steward.console.ui.shell;

/** Navigation refused because the view's plugin is disabled or failed (shown by {@link PluginUnavailableView}). */
public class PluginUnavailableException extends RuntimeException {
    /** Vaadin instantiates error parameters reflectively. */
    public PluginUnavailableException() {
        super("Module unavailable");
    }

    public PluginUnavailableException(String message) {
        super(message);
    }
}
