package dev.steward.console.plugins;

import dev.steward.console.StewardApplication;
import dev.steward.platform.plugin.ExtensionRegistry;
import dev.steward.platform.plugin.PluginState;
import dev.steward.platform.plugin.PluginStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drops broken and dependent plugin jars into the plugins directory and starts the real console: each broken plugin
 * is marked with its reason, and the console and the healthy plugins carry on.
 */
class PluginIsolationTest {

    private static ConfigurableApplicationContext console;
    private static ExtensionRegistry registry;
    private static int port;

    @BeforeAll
    static void startConsoleWithDroppedInPlugins() throws Exception {
        Path plugins = DropInPlugins.directoryWith("throwing", "colliding", "needy", "duplicate", "dependent", "badschema");
        console = StewardApplication.create("--steward.plugins.dir=" + plugins).run("--server.port=0",
                "--steward.plugins.dir=" + plugins, "--steward.home=" + plugins.resolve("home"));
        registry = console.getBean(ExtensionRegistry.class);
        port = ((WebServerApplicationContext) console).getWebServer().getPort();
        // the first request starts the Vaadin servlet, which registers the plugins' routes
        HttpResponse<String> login = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        console.close();
    }

    private static PluginStatus plugin(String id) {
        return registry.plugins().stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void a_plugin_that_throws_while_starting_is_failed_with_its_reason() {
        assertThat(plugin("throwing").state()).isEqualTo(PluginState.FAILED);
        assertThat(plugin("throwing").reason()).contains("boom: the licence server is unreachable");
    }

    @Test
    void a_plugin_whose_view_takes_a_taken_path_is_failed_and_the_first_owner_keeps_it() {
        assertThat(plugin("colliding").state()).isEqualTo(PluginState.FAILED);
        assertThat(plugin("colliding").reason()).contains("'/sample'").contains("already taken by dev.steward.testplugins.sample.SampleView");
        assertThat(plugin("sample").state()).isEqualTo(PluginState.ENABLED);
    }

    @Test
    void a_missing_requirement_is_reported_by_name() {
        assertThat(plugin("needy").state()).isEqualTo(PluginState.UNRESOLVED);
        assertThat(plugin("needy").reason()).isEqualTo("Requires plugin 'ghost', which is not installed");
    }

    @Test
    void a_second_plugin_with_the_same_id_is_not_loaded_and_says_where_both_come_from() {
        List<PluginStatus> samples = registry.plugins().stream().filter(p -> p.id().equals("sample")).toList();
        assertThat(samples).hasSize(2);
        assertThat(samples.get(1).state()).isEqualTo(PluginState.FAILED);
        assertThat(samples.get(1).reason()).contains("Duplicate plugin id 'sample'").contains("duplicate.jar");
    }

    @Test
    void a_plugin_whose_migration_fails_is_failed_and_others_still_start() {
        assertThat(plugin("badschema").state()).isEqualTo(PluginState.FAILED);
        assertThat(plugin("badschema").reason()).containsIgnoringCase("tabel");
    }

    @Test
    void disabling_a_required_plugin_disables_its_dependants_with_the_reason_and_enabling_restores_them() {
        assertThat(plugin("dependent").state()).isEqualTo(PluginState.ENABLED);
        registry.setEnabled("sample", false, "test");
        try {
            assertThat(plugin("dependent").state()).isEqualTo(PluginState.DISABLED);
            assertThat(plugin("dependent").reason()).isEqualTo("Requires plugin 'sample', which is disabled");
        } finally {
            registry.setEnabled("sample", true, "test");
        }
        assertThat(plugin("dependent").state()).isEqualTo(PluginState.ENABLED);
    }

    @Test
    void the_console_keeps_serving_pages() throws Exception {
        var response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(plugin("platform").state()).isEqualTo(PluginState.ENABLED);
    }
}
