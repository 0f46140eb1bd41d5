package dev.steward.console.ops;

import dev.steward.platform.plugin.ExtensionRegistry;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** Readiness is DOWN until the plugins have started (and so migrated) and while the database does not answer. */
class StewardHealthIndicatorTest {

    @Test
    void not_ready_before_the_plugin_registry_has_started() {
        ExtensionRegistry registry = mock(ExtensionRegistry.class);
        when(registry.plugins()).thenReturn(List.of());
        assertThat(new StewardHealthIndicator(registry, mock(DSLContext.class)).health().getStatus()).isEqualTo(Status.DOWN);
    }

    @Test
    void not_ready_while_the_database_does_not_answer() {
        ExtensionRegistry registry = mock(ExtensionRegistry.class);
        when(registry.plugins()).thenReturn(List.of(mock(dev.steward.platform.plugin.PluginStatus.class)));
        DSLContext dsl = mock(DSLContext.class);
        when(dsl.selectOne()).thenThrow(new DataAccessException("Connection refused"));
        var health = new StewardHealthIndicator(registry, dsl).health();
        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsEntry("database", "unreachable");
    }
}
