package dev.steward.console.ops;

import dev.steward.platform.plugin.ExtensionRegistry;
import dev.steward.platform.plugin.PluginState;
import dev.steward.platform.plugin.PluginStatus;
import org.jooq.DSLContext;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The readiness check ({@code steward} in the {@code readiness} group): the plugin registry has started, which means
 * the platform's and every plugin's migrations have run, and the database answers {@code select 1}. A plugin that
 * failed does not make the node unready: every node runs the same build and would fail alike, so taking them out of
 * the load balancer would turn one broken module into a whole outage; the failed plugins are listed in the details.
 */
@Component
class StewardHealthIndicator implements HealthIndicator {

    private final ExtensionRegistry registry;
    private final DSLContext dsl;

    StewardHealthIndicator(ExtensionRegistry registry, DSLContext dsl) {
        this.registry = registry;
        this.dsl = dsl;
    }

    @Override
    public Health health() {
        List<PluginStatus> plugins = registry.plugins();
        if (plugins.isEmpty()) {
            return Health.down().withDetail("plugins", "not started yet").build();
        }
        try {
            dsl.selectOne().fetch();
        } catch (RuntimeException e) {
            return Health.down().withDetail("database", "unreachable").build();
        }
        List<String> failed = plugins.stream()
                .filter(p -> p.state() == PluginState.FAILED || p.state() == PluginState.UNRESOLVED).map(PluginStatus::id).toList();
        return Health.up().withDetail("database", "reachable")
                .withDetail("pluginsStarted", plugins.size() - failed.size())
                .withDetail("pluginsFailed", failed).build();
    }
}
