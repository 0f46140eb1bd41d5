package dev.steward.console.incidents;

import dev.steward.incidents.IncidentForm;
import dev.steward.incidents.IncidentSource;
import dev.steward.incidents.IncidentType;
import dev.steward.incidents.OurRole;
import dev.steward.platform.plugin.ExtensionRegistry;
import dev.steward.platform.security.PermissionCatalog;
import dev.steward.platform.security.Role;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Service-level tests of the bundled incident-response plugin, in the real console context (its own child context)
 * against a fresh PostgreSQL database.
 */
@SpringBootTest
abstract class IncidentServiceTestBase {

    @Autowired
    protected ExtensionRegistry registry;
    @Autowired
    protected PermissionCatalog permissions;
    @Autowired
    private org.springframework.context.ApplicationContext context;

    /** Vaadin installs its own strategy globally when a UI test's context starts: use this context's (see KaribuTest). */
    @org.junit.jupiter.api.BeforeEach
    void useThisContextsSecurityStrategy() {
        context.getBeanProvider(org.springframework.security.core.context.SecurityContextHolderStrategy.class)
                .ifAvailable(SecurityContextHolder::setContextHolderStrategy);
    }

    /** A bean of the plugin's own context. */
    protected <T> T bean(Class<T> type) {
        return registry.contextOf("incidents").orElseThrow().getBean(type);
    }

    protected void loginAs(String username, Role... roles) {
        List<SimpleGrantedAuthority> authorities = new ArrayList<>();
        for (Role role : roles) {
            authorities.add(new SimpleGrantedAuthority(role.authority()));
        }
        permissions.permissionsOf(Set.of(roles)).forEach(p -> authorities.add(new SimpleGrantedAuthority(p)));
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(username, null, authorities));
    }

    @AfterEach
    void logout() {
        SecurityContextHolder.clearContext();
    }

    protected static IncidentForm incident(String title, IncidentType type, Instant discovered) {
        return IncidentForm.of(title, type, IncidentSource.INTERNAL, OurRole.CONTROLLER, discovered);
    }

    protected static Instant hoursAgo(long hours) {
        return Instant.now().minus(Duration.ofHours(hours)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }
}
