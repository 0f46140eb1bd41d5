package dev.steward.platform.plugin;

import dev.steward.platform.security.CurrentUser;
import dev.steward.platform.security.PlatformPermissions;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

/** What an admin may do with plugins; the change itself is audited through the plugin-state record. */
@Service
public class PluginAdministration {

    private final ExtensionRegistry registry;

    public PluginAdministration(ExtensionRegistry registry) {
        this.registry = registry;
    }

    @PreAuthorize("hasAuthority('" + PlatformPermissions.PLUGINS_MANAGE + "')")
    public List<PluginStatus> plugins() {
        return registry.plugins();
    }

    @PreAuthorize("hasAuthority('" + PlatformPermissions.PLUGINS_MANAGE + "')")
    @Transactional
    public void setEnabled(String pluginId, boolean enabled) {
        registry.setEnabled(pluginId, enabled, CurrentUser.username().orElse("system"));
    }
}
