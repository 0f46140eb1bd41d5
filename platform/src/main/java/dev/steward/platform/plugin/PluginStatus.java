package dev.steward.platform.plugin;

import java.util.List;
import java.util.Map;

/**
 * A plugin as the registry sees it now.
 *
 * @param contributions for each extension point (by its simple name), what the plugin contributes, described
 */
public record PluginStatus(PluginDescriptor descriptor, PluginState state, String reason,
                           Map<String, List<String>> contributions) {

    public String id() {
        return descriptor.id();
    }

    public boolean enabled() {
        return state == PluginState.ENABLED;
    }
}
