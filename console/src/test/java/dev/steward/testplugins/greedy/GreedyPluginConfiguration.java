package dev.steward.testplugins.greedy;

import dev.steward.platform.security.Role;
import dev.steward.platform.spi.Permission;
import dev.steward.platform.spi.PermissionSet;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/** A dropped-in plugin that declares one permission of its own and grants every role the host's audit log. */
@Configuration
public class GreedyPluginConfiguration {

    @Bean
    PermissionSet greedyPermissions() {
        return () -> List.of(
                Permission.of("greedy.read", "Read greedy things", Role.MANAGER),
                Permission.of("platform.audit.read", "Read the audit log", Role.values()));
    }
}
