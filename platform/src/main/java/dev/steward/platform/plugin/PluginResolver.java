package dev.steward.platform.plugin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts discovered plugins in dependency order and marks those that cannot start: duplicate ids, another API
 * version, missing or unresolved requirements, dependency cycles. Pure logic, no Spring.
 */
final class PluginResolver {

    private PluginResolver() {
    }

    /** Returns every plugin once, required plugins before their dependants; unresolvable ones carry their reason. */
    static List<LoadedPlugin> resolve(List<PluginDescriptor> descriptors) {
        Map<String, LoadedPlugin> byId = new LinkedHashMap<>();
        List<LoadedPlugin> rejected = new ArrayList<>();
        for (PluginDescriptor descriptor : descriptors) {
            LoadedPlugin plugin = new LoadedPlugin(descriptor);
            LoadedPlugin first = byId.get(descriptor.id());
            if (first != null || PluginDescriptor.HOST_ID.equals(descriptor.id())) {
                plugin.fail(PluginState.FAILED, "Duplicate plugin id '" + descriptor.id() + "' in " + descriptor.source()
                        + ": already provided by " + (first == null ? "the host" : first.descriptor.source())
                        + "; this copy was not loaded");
                rejected.add(plugin);
            } else if (descriptor.apiVersion() != PluginDescriptor.PLATFORM_API_VERSION) {
                plugin.fail(PluginState.UNRESOLVED, "Built for plugin API version " + descriptor.apiVersion()
                        + ", this platform provides version " + PluginDescriptor.PLATFORM_API_VERSION);
                byId.put(descriptor.id(), plugin);
            } else {
                byId.put(descriptor.id(), plugin);
            }
        }
        List<LoadedPlugin> ordered = new ArrayList<>();
        Map<String, Boolean> visiting = new LinkedHashMap<>();
        for (LoadedPlugin plugin : byId.values()) {
            visit(plugin, byId, visiting, ordered);
        }
        ordered.addAll(rejected);
        return ordered;
    }

    private static void visit(LoadedPlugin plugin, Map<String, LoadedPlugin> byId, Map<String, Boolean> visiting,
                              List<LoadedPlugin> ordered) {
        String id = plugin.descriptor.id();
        if (Boolean.FALSE.equals(visiting.get(id))) {
            return; // done
        }
        if (Boolean.TRUE.equals(visiting.get(id))) {
            plugin.fail(PluginState.UNRESOLVED, "Dependency cycle through '" + id + "'");
            return;
        }
        visiting.put(id, true);
        for (String required : plugin.descriptor.requires()) {
            LoadedPlugin dependency = byId.get(required);
            if (dependency == null) {
                if (!PluginDescriptor.HOST_ID.equals(required)) {
                    plugin.fail(PluginState.UNRESOLVED, "Requires plugin '" + required + "', which is not installed");
                }
                continue;
            }
            visit(dependency, byId, visiting, ordered);
            if (dependency.state != null && plugin.state == null) {
                plugin.fail(PluginState.UNRESOLVED, "Requires plugin '" + required + "', which cannot start: "
                        + dependency.reason);
            }
        }
        visiting.put(id, false);
        ordered.add(plugin);
    }
}
