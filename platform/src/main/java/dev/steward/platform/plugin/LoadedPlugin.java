package dev.steward.platform.plugin;

import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The registry's mutable record of one plugin: its descriptor, its Spring context once started, its contributions. */
final class LoadedPlugin {

    final PluginDescriptor descriptor;
    volatile PluginState state;
    volatile String reason;
    ApplicationContext context;
    final Map<Class<?>, List<Object>> contributions = new LinkedHashMap<>();

    LoadedPlugin(PluginDescriptor descriptor) {
        this.descriptor = descriptor;
    }

    void fail(PluginState newState, String why) {
        state = newState;
        reason = why;
        contributions.clear();
        if (!isHost() && context instanceof ConfigurableApplicationContext configurable) {
            try {
                configurable.close();
            } catch (RuntimeException ignored) {
                // closing a half-started context may throw again; the plugin is failed either way
            }
        }
        context = null;
    }

    void collectContributions() {
        contributions.clear();
        for (Class<?> point : ExtensionPoints.ALL) {
            List<Object> beans = new ArrayList<>(context.getBeansOfType(point, false, true).values());
            if (!beans.isEmpty()) {
                contributions.put(point, beans);
            }
        }
    }

    boolean isHost() {
        return PluginDescriptor.HOST_ID.equals(descriptor.id());
    }
}
