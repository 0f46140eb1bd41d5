package dev.steward.platform.plugin;

/** Thrown when work is asked of a plugin that is not enabled. */
public class PluginDisabledException extends RuntimeException {

    private final String pluginId;

    public PluginDisabledException(String pluginId, String message) {
        super(message);
        this.pluginId = pluginId;
    }

    public String pluginId() {
        return pluginId;
    }
}
