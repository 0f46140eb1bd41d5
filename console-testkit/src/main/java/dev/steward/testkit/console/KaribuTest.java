package dev.steward.testkit.console;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinServletRequest;
import dev.steward.platform.security.PermissionCatalog;
import dev.steward.platform.security.Role;
import kotlin.jvm.functions.Function0;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
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
 * Browserless UI tests through the real Vaadin components (Karibu) against the real console context and a fresh
 * PostgreSQL database. Karibu runs no servlet filters, so {@link #loginAs} sets the Spring security context and the
 * mock request's principal, with the same authorities a real login would get (roles plus their permissions).
 */
@SpringBootTest(classes = ConsoleTestApplication.class)
public abstract class KaribuTest {

    private static Routes routes;

    @Autowired
    protected ApplicationContext context;
    @Autowired
    protected PermissionCatalog permissions;

    @BeforeAll
    static void discoverRoutes() {
        // only the host's views: plugin views are registered in code by PluginRoutes, as in production
        routes = new Routes().autoDiscoverViews("dev.steward.console");
    }

    @BeforeEach
    void setUpVaadin() {
        // Vaadin installs its session-aware strategy globally when a context starts; with several cached test
        // contexts in one JVM, point the global holder back at this context's strategy (the one its method
        // security reads).
        context.getBeanProvider(SecurityContextHolderStrategy.class).ifAvailable(SecurityContextHolder::setContextHolderStrategy);
        Function0<UI> uiFactory = UI::new;
        MockVaadin.setup(uiFactory, new MockSpringServlet(routes, context, uiFactory));
    }

    @AfterEach
    void tearDownVaadin() {
        logout();
        MockVaadin.tearDown();
    }

    /** Logs in a user (who need not exist in the database) holding the given roles and their default permissions. */
    protected void loginAs(String username, Role... roles) {
        List<SimpleGrantedAuthority> authorities = new ArrayList<>();
        for (Role role : roles) {
            authorities.add(new SimpleGrantedAuthority(role.authority()));
        }
        permissions.permissionsOf(Set.of(roles)).forEach(p -> authorities.add(new SimpleGrantedAuthority(p)));
        var authentication = UsernamePasswordAuthenticationToken.authenticated(username, null, authorities);
        SecurityContextHolder.getContext().setAuthentication(authentication);
        var request = (FakeRequest) VaadinServletRequest.getCurrent().getRequest();
        request.setUserPrincipalInt(authentication);
        request.setUserInRole((principal, role) -> authorities.stream().anyMatch(a -> a.getAuthority().equals("ROLE_" + role)));
    }

    /**
     * Sets a field's value as a user would. (Karibu's {@code _setValue} relies on a Vaadin internal that changed in
     * 25.2; the value-change listeners run the same way.)
     */
    protected static <V> void setValue(com.vaadin.flow.component.HasValue<?, V> field, V value) {
        field.setValue(value);
    }

    protected void logout() {
        SecurityContextHolder.clearContext();
        if (VaadinServletRequest.getCurrent() != null) {
            var request = (FakeRequest) VaadinServletRequest.getCurrent().getRequest();
            request.setUserPrincipalInt(null);
            request.setUserInRole((principal, role) -> false);
        }
    }
}
