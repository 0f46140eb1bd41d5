package dev.steward.console.api;

import dev.steward.platform.plugin.PluginAdministration;
import dev.steward.platform.plugin.PluginStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

/** {@code GET /api/platform/plugins}: the registry as JSON, for monitoring and deployment checks (admins only). */
@RestController
@RequestMapping("/api/platform")
class PluginsApi {

    record Plugin(String id, String name, String version, String state, String reason, List<String> requires,
                  String source, Map<String, List<String>> contributions) {

        static Plugin of(PluginStatus p) {
            var d = p.descriptor();
            return new Plugin(p.id(), d.name(), d.version(), p.state().name(), p.reason(), d.requires(),
                    d.source() == null ? null : d.source().toString(), p.contributions());
        }
    }

    private final PluginAdministration plugins;

    PluginsApi(PluginAdministration plugins) {
        this.plugins = plugins;
    }

    @GetMapping("/plugins")
    List<Plugin> plugins() {
        return plugins.plugins().stream().map(Plugin::of).toList();
    }
}
