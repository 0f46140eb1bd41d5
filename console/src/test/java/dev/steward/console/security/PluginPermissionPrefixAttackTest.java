package dev.steward.console.security;

import dev.steward.console.StewardApplication;
import dev.steward.console.plugins.DropInPlugins;
import dev.steward.platform.plugin.ExtensionRegistry;
import dev.steward.platform.plugin.PluginState;
import dev.steward.platform.plugin.PluginStatus;
import dev.steward.platform.security.PermissionCatalog;
import dev.steward.platform.security.Role;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12: a dropped-in plugin that declares (and grants every role) the host's {@code platform.audit.read} is
 * refused with its reason on the Plugins page; no role gains the permission and the console still serves.
 */
class PluginPermissionPrefixAttackTest {

    private static ConfigurableApplicationContext console;
    private static ExtensionRegistry registry;
    private static int port;

    @BeforeAll
    static void startConsoleWithAGreedyPlugin() {
        Path plugins = DropInPlugins.directoryWith("greedy");
        console = StewardApplication.create("--steward.plugins.dir=" + plugins).run("--server.port=0",
                "--steward.plugins.dir=" + plugins, "--steward.home=" + plugins.resolve("home"));
        registry = console.getBean(ExtensionRegistry.class);
        port = ((WebServerApplicationContext) console).getWebServer().getPort();
    }

    @AfterAll
    static void stop() {
        console.close();
    }

    private static PluginStatus plugin(String id) {
        return registry.plugins().stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void a_plugin_declaring_a_platform_permission_is_failed_with_the_reason() {
        assertThat(plugin("greedy").state()).isEqualTo(PluginState.FAILED);
        assertThat(plugin("greedy").reason()).contains("'platform.audit.read'").contains("greedy.");
    }

    @Test
    void no_role_gains_the_permission_the_plugin_tried_to_grant() {
        var byRole = console.getBean(PermissionCatalog.class).permissionsByRole();
        assertThat(byRole.get(Role.MANAGER)).doesNotContain("platform.audit.read", "greedy.read");
        assertThat(byRole.get(Role.SECURITY_ANALYST)).doesNotContain("platform.audit.read");
        assertThat(byRole.get(Role.AUDITOR)).contains("platform.audit.read");
    }

    @Test
    void the_console_and_the_other_plugins_keep_running() throws Exception {
        var response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(plugin("sample").state()).isEqualTo(PluginState.ENABLED);
    }
}
