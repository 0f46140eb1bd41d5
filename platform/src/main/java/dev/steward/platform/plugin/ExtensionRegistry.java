package dev.steward.platform.plugin;

import dev.steward.platform.cluster.ClusterEvents;
import dev.steward.platform.db.SchemaMigrator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Lists every plugin with its state and its contributions per extension point, and starts them: at host start-up,
 * in dependency order, each plugin's schema is migrated and its configuration started in a child Spring context.
 * A plugin that throws is marked failed with the reason; the host keeps starting. Enabling or disabling a plugin
 * reaches every console on the database ({@link ClusterEvents}), each re-reading the stored choices.
 */
@Component
public class ExtensionRegistry implements SmartInitializingSingleton, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ExtensionRegistry.class);
    private static final String PLUGIN_STATE_TOPIC = "plugin-state";

    private final ApplicationContext host;
    private final SchemaMigrator migrator;
    private final PluginStateStore stateStore;
    private final PluginContextFactory contextFactory;
    private final ClusterEvents cluster;
    private final Map<String, LoadedPlugin> plugins = new LinkedHashMap<>();
    private final Map<Class<?>, String> ownerOfClass = new ConcurrentHashMap<>();

    public ExtensionRegistry(ApplicationContext host, SchemaMigrator migrator, PluginStateStore stateStore,
                             PluginContextFactory contextFactory, ClusterEvents cluster) {
        this.host = host;
        this.migrator = migrator;
        this.stateStore = stateStore;
        this.contextFactory = contextFactory;
        this.cluster = cluster;
    }

    @Override
    public void afterSingletonsInstantiated() {
        LoadedPlugin hostPlugin = new LoadedPlugin(hostDescriptor());
        hostPlugin.context = host;
        hostPlugin.state = PluginState.ENABLED;
        hostPlugin.collectContributions();
        plugins.put(hostPlugin.descriptor.id(), hostPlugin);

        List<PluginDescriptor> descriptors = new ArrayList<>();
        for (var url : PluginDescriptorReader.listDescriptorUrls(host.getClassLoader())) {
            try {
                descriptors.add(PluginDescriptorReader.read(url));
            } catch (PluginDescriptorReader.InvalidDescriptorException e) {
                log.error("Ignoring plugin descriptor: {}", e.getMessage());
            }
        }
        for (LoadedPlugin plugin : PluginResolver.resolve(descriptors)) {
            String key = plugins.containsKey(plugin.descriptor.id())
                    ? plugin.descriptor.id() + "@" + plugin.descriptor.source() : plugin.descriptor.id();
            plugins.put(key, plugin);
            if (plugin.state == null) {
                start(plugin);
            }
            log.info("Plugin {} {}: {}{}", plugin.descriptor.id(), plugin.descriptor.version(), plugin.state,
                    plugin.reason == null ? "" : " (" + plugin.reason + ")");
        }
        applyEnabledStates();
        // this console too: its own change applied before commit is re-read once committed (a re-read may run between)
        cluster.subscribe(PLUGIN_STATE_TOPIC, event -> applyEnabledStates());
        cluster.onResync(this::applyEnabledStates);
    }

    private void start(LoadedPlugin plugin) {
        for (String required : plugin.descriptor.requires()) {
            LoadedPlugin dependency = plugins.get(required);
            if (dependency != null && dependency.context == null) {
                plugin.fail(PluginState.UNRESOLVED, "Requires plugin '" + required + "', which failed: " + dependency.reason);
                return;
            }
        }
        try {
            if (plugin.descriptor.hasSchema()) {
                migrator.migrate(plugin.descriptor.schema(), plugin.descriptor.migrations(), host.getClassLoader());
            }
            plugin.context = contextFactory.start(plugin.descriptor, host, this);
            plugin.state = PluginState.DISABLED; // until applyEnabledStates
            plugin.collectContributions();
            Optional<String> foreignPermission = PermissionPrefix.violation(plugin.descriptor.id(),
                    plugin.contributions.getOrDefault(dev.steward.platform.spi.PermissionSet.class, List.of()));
            if (foreignPermission.isPresent()) {
                log.error("Plugin {} refused: {}", plugin.descriptor.id(), foreignPermission.get());
                plugin.fail(PluginState.FAILED, foreignPermission.get());
                return;
            }
            for (Object bean : plugin.contributions.values().stream().flatMap(Collection::stream).toList()) {
                ownerOfClass.put(bean.getClass(), plugin.descriptor.id());
                ownerOfClass.put(org.springframework.util.ClassUtils.getUserClass(bean), plugin.descriptor.id());
            }
        } catch (RuntimeException | LinkageError e) {
            log.error("Plugin {} failed to start", plugin.descriptor.id(), e);
            plugin.fail(PluginState.FAILED, "Failed to start: " + rootMessage(e));
        }
    }

    /** Recomputes enabled/disabled from the admin's stored choices and the requirements between plugins. */
    private synchronized void applyEnabledStates() {
        Map<String, Boolean> stored = stateStore.load();
        for (LoadedPlugin plugin : plugins.values()) {
            if (plugin.isHost() || plugin.context == null) {
                continue;
            }
            if (!stored.getOrDefault(plugin.descriptor.id(), true)) {
                plugin.state = PluginState.DISABLED;
                plugin.reason = "Disabled by an administrator";
                continue;
            }
            Optional<String> offRequirement = plugin.descriptor.requires().stream()
                    .filter(r -> plugins.containsKey(r) && !plugins.get(r).isHost() && plugins.get(r).state != PluginState.ENABLED)
                    .findFirst();
            plugin.state = offRequirement.isPresent() ? PluginState.DISABLED : PluginState.ENABLED;
            plugin.reason = offRequirement.map(r -> "Requires plugin '" + r + "', which is disabled").orElse(null);
        }
    }

    /** Switches a plugin on or off, persisted. Dependants follow: they are off while a plugin they require is off. */
    public void setEnabled(String pluginId, boolean enabled, String actor) {
        LoadedPlugin plugin = plugins.get(pluginId);
        if (plugin == null || plugin.isHost()) {
            throw new IllegalArgumentException("No plugin '" + pluginId + "' can be switched on or off");
        }
        if (plugin.context == null) {
            throw new IllegalStateException("Plugin '" + pluginId + "' is " + plugin.state + " and cannot be enabled: " + plugin.reason);
        }
        stateStore.save(pluginId, enabled, actor);
        applyEnabledStates();
        cluster.publish(PLUGIN_STATE_TOPIC, pluginId);
    }

    /** Marks a started plugin failed after the fact (e.g. its views collide with another plugin's routes). */
    public synchronized void markFailed(String pluginId, String reason) {
        LoadedPlugin plugin = plugins.get(pluginId);
        if (plugin != null && !plugin.isHost()) {
            plugin.fail(PluginState.FAILED, reason);
            ownerOfClass.values().removeIf(pluginId::equals);
            applyEnabledStates();
            for (LoadedPlugin other : plugins.values()) {
                if (other.descriptor.requires().contains(pluginId) && other.context != null) {
                    markFailed(other.descriptor.id(), "Requires plugin '" + pluginId + "', which failed: " + reason);
                }
            }
        }
    }

    public List<PluginStatus> plugins() {
        return plugins.values().stream().map(ExtensionRegistry::status).toList();
    }

    public Optional<PluginStatus> plugin(String pluginId) {
        return Optional.ofNullable(plugins.get(pluginId)).map(ExtensionRegistry::status);
    }

    public boolean isEnabled(String pluginId) {
        LoadedPlugin plugin = plugins.get(pluginId);
        return plugin != null && plugin.state == PluginState.ENABLED;
    }

    /** Contributions to an extension point from the host and every enabled plugin. */
    public <T> List<T> contributions(Class<T> point) {
        return plugins.values().stream().filter(p -> p.state == PluginState.ENABLED)
                .flatMap(p -> p.contributions.getOrDefault(point, List.of()).stream()).map(point::cast).toList();
    }

    /** Contributions of every started plugin, enabled or not, with the owning plugin's id (for route registration). */
    public <T> Map<String, List<T>> startedContributions(Class<T> point) {
        Map<String, List<T>> result = new LinkedHashMap<>();
        plugins.values().stream().filter(p -> p.context != null).forEach(p ->
                result.put(p.descriptor.id(), p.contributions.getOrDefault(point, List.of()).stream().map(point::cast).toList()));
        return result;
    }

    /** The id of the plugin that owns a class (a contributed bean or view), or empty for the host's own classes. */
    public Optional<String> ownerOf(Class<?> type) {
        return Optional.ofNullable(ownerOfClass.get(type));
    }

    /** Records that a class (e.g. a route view) belongs to a plugin. */
    public void claim(Class<?> type, String pluginId) {
        if (!PluginDescriptor.HOST_ID.equals(pluginId)) {
            ownerOfClass.put(type, pluginId);
        }
    }

    /** The Spring context a plugin's beans live in (the host's for the host). */
    public Optional<ApplicationContext> contextOf(String pluginId) {
        return Optional.ofNullable(plugins.get(pluginId)).map(p -> p.context);
    }

    /**
     * The platform's gate on every call of a plugin's services ({@link PluginEnabledAdvisor}): refused unless the
     * plugin is enabled, except while its context is still starting (its own start-up work).
     */
    void requireServing(String pluginId) {
        LoadedPlugin plugin = plugins.get(pluginId);
        if (plugin != null && plugin.state == null) {
            return;
        }
        requireEnabled(pluginId);
    }

    /** Throws {@link PluginDisabledException} unless the plugin is enabled (the platform applies it to plugin services). */
    public void requireEnabled(String pluginId) {
        LoadedPlugin plugin = plugins.get(pluginId);
        if (plugin == null || plugin.state != PluginState.ENABLED) {
            String why = plugin == null ? "not installed" : plugin.state.name().toLowerCase()
                    + (plugin.reason == null ? "" : ": " + plugin.reason);
            throw new PluginDisabledException(pluginId, "The module '" + pluginId + "' is " + why);
        }
    }

    @Override
    public void destroy() {
        List<LoadedPlugin> reversed = new ArrayList<>(plugins.values());
        java.util.Collections.reverse(reversed);
        for (LoadedPlugin plugin : reversed) {
            if (!plugin.isHost() && plugin.context instanceof ConfigurableApplicationContext configurable) {
                configurable.close();
            }
        }
    }

    private static PluginStatus status(LoadedPlugin plugin) {
        Map<String, List<String>> contributions = new LinkedHashMap<>();
        plugin.contributions.forEach((point, beans) -> contributions.put(point.getSimpleName(),
                beans.stream().map(ContributionDescriber::describe).flatMap(List::stream).toList()));
        return new PluginStatus(plugin.descriptor, plugin.state, plugin.reason, Map.copyOf(contributions));
    }

    private static PluginDescriptor hostDescriptor() {
        String version = Optional.ofNullable(ExtensionRegistry.class.getPackage().getImplementationVersion()).orElse("dev");
        return new PluginDescriptor(PluginDescriptor.HOST_ID, "Steward platform", version,
                "The host: shell, security, people directory, audit log, plugin manager", List.of(),
                PluginDescriptor.PLATFORM_API_VERSION, "platform", "db/platform", "", null);
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
