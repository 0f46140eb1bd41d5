package dev.steward.console.sso;

import dev.steward.platform.security.PlatformPermissions;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionIdListener;
import jakarta.servlet.http.HttpSessionListener;
import org.jooq.DSLContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * A console whose single sign-on provider is {@link OidcTestServer}: groups {@code steward-admins} give ADMIN,
 * {@code privacy-team} PRIVACY_OFFICER, {@code managers} MANAGER. Tests see into the console's HTTP sessions (what
 * a sign-in left in them) through {@link SessionsSeen}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(SsoTestBase.SessionsSeen.class)
public abstract class SsoTestBase {

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry registry) {
        String registration = "spring.security.oauth2.client.registration." + OidcTestServer.REGISTRATION_ID + ".";
        registry.add(registration + "client-id", () -> OidcTestServer.CLIENT_ID);
        registry.add(registration + "client-secret", () -> "test-secret");
        registry.add(registration + "client-name", () -> OidcTestServer.PROVIDER_NAME);
        registry.add(registration + "scope", () -> "openid,profile,email");
        registry.add("spring.security.oauth2.client.provider." + OidcTestServer.REGISTRATION_ID + ".issuer-uri", OidcTestServer::issuer);
        registry.add("steward.sso.role-mapping.ADMIN", () -> "steward-admins");
        registry.add("steward.sso.role-mapping.PRIVACY_OFFICER", () -> "privacy-team");
        registry.add("steward.sso.role-mapping.MANAGER", () -> "managers, line-managers");
    }

    @LocalServerPort
    protected int port;
    @Autowired
    protected ApplicationContext context;
    @Autowired
    protected SessionsSeen sessions;
    @Autowired
    protected DSLContext dsl;

    protected SsoBrowser browser() {
        return new SsoBrowser(port);
    }

    protected static Map<String, Object> claims(String username, List<String> groups) {
        return Map.of("preferred_username", username, "name", "Name of " + username, "email", username + "@example.com",
                "groups", groups);
    }

    /** Who the browser's session is signed in as, if anybody. */
    protected Authentication signedInAs(SsoBrowser browser) {
        HttpSession session = browser.sessionId().map(sessions::byId).orElse(null);
        Object context = session == null ? null : session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        return context instanceof SecurityContext security ? security.getAuthentication() : null;
    }

    /** The failure Spring Security kept in the browser's session for the sign-in page. */
    protected Object failureOf(SsoBrowser browser) {
        HttpSession session = browser.sessionId().map(sessions::byId).orElse(null);
        return session == null ? null : session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
    }

    protected <T> T asAdmin(Supplier<T> work) {
        return as("setup-admin", work, PlatformPermissions.USERS_MANAGE);
    }

    /** Runs work as this user, outside any HTTP request, with these authorities. */
    protected <T> T as(String username, Supplier<T> work, String... authorities) {
        context.getBeanProvider(SecurityContextHolderStrategy.class).ifAvailable(SecurityContextHolder::setContextHolderStrategy);
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                username, null, java.util.Arrays.stream(authorities).map(SimpleGrantedAuthority::new).toList()));
        try {
            return work.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** The console's open HTTP sessions, by id. */
    @TestComponent
    public static class SessionsSeen implements HttpSessionListener, HttpSessionIdListener {

        private final Map<String, HttpSession> open = new ConcurrentHashMap<>();

        @Override
        public void sessionCreated(HttpSessionEvent event) {
            open.put(event.getSession().getId(), event.getSession());
        }

        @Override
        public void sessionDestroyed(HttpSessionEvent event) {
            open.remove(event.getSession().getId());
        }

        @Override
        public void sessionIdChanged(HttpSessionEvent event, String oldSessionId) {
            open.remove(oldSessionId);
            open.put(event.getSession().getId(), event.getSession());
        }

        public HttpSession byId(String id) {
            return open.get(id);
        }
    }
}
