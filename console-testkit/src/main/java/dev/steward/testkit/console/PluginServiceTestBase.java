package dev.steward.testkit.console;

import dev.steward.platform.plugin.ExtensionRegistry;
import dev.steward.platform.security.PermissionCatalog;
import dev.steward.platform.security.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Service tests of a bundled plugin in the real console context on a fresh PostgreSQL database: its beans, and
 * signing in as a user with roles (their default permissions included).
 */
@SpringBootTest(classes = ConsoleTestApplication.class)
public abstract class PluginServiceTestBase {

    @Autowired
    protected ExtensionRegistry registry;
    @Autowired
    protected PermissionCatalog permissions;
    @Autowired
    private ApplicationContext context;

    /** The id of the plugin under test. */
    protected abstract String pluginId();

    /** Vaadin installs its own strategy globally when a UI test's context starts: use this context's (see KaribuTest). */
    @BeforeEach
    void useThisContextsSecurityStrategy() {
        context.getBeanProvider(SecurityContextHolderStrategy.class).ifAvailable(SecurityContextHolder::setContextHolderStrategy);
    }

    @AfterEach
    void logout() {
        SecurityContextHolder.clearContext();
    }

    /** A bean of the plugin's own context. */
    protected <T> T bean(Class<T> type) {
        return registry.contextOf(pluginId()).orElseThrow().getBean(type);
    }

    protected void loginAs(String username, Role... roles) {
        List<SimpleGrantedAuthority> authorities = new ArrayList<>();
        for (Role role : roles) {
            authorities.add(new SimpleGrantedAuthority(role.authority()));
        }
        permissions.permissionsOf(Set.of(roles)).forEach(p -> authorities.add(new SimpleGrantedAuthority(p)));
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(username, null, authorities));
    }
}
