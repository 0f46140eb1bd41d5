package dev.steward.platform.plugin;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.MalformedURLException;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class PluginResolverTest {

    private static PluginDescriptor plugin(String id, int api, String... requires) {
        try {
            URL source = URI.create("file:/plugins/" + id + ".jar").toURL();
            return new PluginDescriptor(id, id, "1.0", "", List.of(requires), api, "", "db/" + id, "x.Config", source);
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, LoadedPlugin> byId(List<LoadedPlugin> plugins) {
        return plugins.stream().collect(Collectors.toMap(p -> p.descriptor.id() + (p.state == PluginState.FAILED ? "#dup" : ""), p -> p));
    }

    @Test
    void required_plugins_come_before_their_dependants() {
        var ordered = PluginResolver.resolve(List.of(plugin("c", 1, "b"), plugin("b", 1, "a"), plugin("a", 1)));
        assertThat(ordered).extracting(p -> p.descriptor.id()).containsExactly("a", "b", "c");
        assertThat(ordered).allMatch(p -> p.state == null);
    }

    @Test
    void a_missing_requirement_is_named_and_spreads_to_dependants() {
        var plugins = byId(PluginResolver.resolve(List.of(plugin("b", 1, "ghost"), plugin("c", 1, "b"))));
        assertThat(plugins.get("b").state).isEqualTo(PluginState.UNRESOLVED);
        assertThat(plugins.get("b").reason).isEqualTo("Requires plugin 'ghost', which is not installed");
        assertThat(plugins.get("c").state).isEqualTo(PluginState.UNRESOLVED);
        assertThat(plugins.get("c").reason).contains("Requires plugin 'b', which cannot start");
    }

    @Test
    void a_duplicate_id_keeps_the_first_and_fails_the_copy_naming_both_sources() {
        var ordered = PluginResolver.resolve(List.of(plugin("a", 1), plugin("a", 1)));
        assertThat(ordered).hasSize(2);
        assertThat(ordered.get(0).state).isNull();
        assertThat(ordered.get(1).state).isEqualTo(PluginState.FAILED);
        assertThat(ordered.get(1).reason).contains("Duplicate plugin id 'a'").contains("/plugins/a.jar");
    }

    @Test
    void a_plugin_for_another_api_version_is_unresolved() {
        var ordered = PluginResolver.resolve(List.of(plugin("old", 0)));
        assertThat(ordered.getFirst().state).isEqualTo(PluginState.UNRESOLVED);
        assertThat(ordered.getFirst().reason).contains("API version 0");
    }

    @Test
    void a_dependency_cycle_is_reported() {
        var plugins = byId(PluginResolver.resolve(List.of(plugin("x", 1, "y"), plugin("y", 1, "x"))));
        assertThat(plugins.values()).allMatch(p -> p.state == PluginState.UNRESOLVED);
        assertThat(plugins.values()).anyMatch(p -> p.reason.contains("cycle"));
    }

    @Test
    void requiring_the_host_is_always_satisfied() {
        var ordered = PluginResolver.resolve(List.of(plugin("a", 1, "platform")));
        assertThat(ordered.getFirst().state).isNull();
    }
}
