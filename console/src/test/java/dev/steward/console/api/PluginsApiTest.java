package dev.steward.console.api;

import dev.steward.platform.security.Role;
import dev.steward.platform.security.UserAccountService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The API over real HTTP: authentication and the permission check happen on the server for every call. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PluginsApiTest {

    @LocalServerPort
    int port;
    @Autowired
    UserAccountService users;
    @Autowired
    ApplicationContext context;

    private HttpResponse<String> get(String credentials) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/platform/plugins"));
        if (credentials != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes()));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private void createUser(String username, String password, Role role) {
        // Vaadin sets its security context strategy globally when a context starts; use this context's (several are cached)
        context.getBeanProvider(SecurityContextHolderStrategy.class).ifAvailable(SecurityContextHolder::setContextHolderStrategy);
        users.createInitialAdmin(username + "-tmp", "bootstrap-passphrase", false);
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "setup", null, List.of(new SimpleGrantedAuthority("platform.users.manage"))));
        try {
            String oneTime = users.create(username, username, null, EnumSet.of(role));
            SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                    username, null, List.of()));
            users.changeOwnPassword(username, oneTime, password);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    @Test
    void an_admin_reads_the_registry_as_json() throws Exception {
        createUser("api-admin", "api-admin-passphrase", Role.ADMIN);
        HttpResponse<String> response = get("api-admin:api-admin-passphrase");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"id\":\"sample\"").contains("\"state\":\"ENABLED\"").contains("\"id\":\"platform\"");
    }

    @Test
    void a_manager_is_refused_with_403_and_an_anonymous_caller_with_401() throws Exception {
        createUser("api-manager", "api-manager-passphrase", Role.MANAGER);
        HttpResponse<String> manager = get("api-manager:api-manager-passphrase");
        assertThat(manager.statusCode()).isEqualTo(403);
        assertThat(manager.body()).contains("You lack the permission");
        HttpResponse<String> anonymous = get(null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
        assertThat(get("api-manager:wrong-password").statusCode()).isEqualTo(401);
    }
}
