package dev.steward.console.ops;

import dev.steward.platform.security.ApiTokenService;
import dev.steward.platform.security.PlatformPermissions;
import dev.steward.platform.security.Role;
import dev.steward.platform.security.UserAccountService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Health probes and the Prometheus scrape over real HTTP, as a load balancer and a Prometheus server call them. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HealthAndMetricsTest {

    @LocalServerPort
    int port;
    @Autowired
    ApiTokenService tokens;
    @Autowired
    UserAccountService users;
    @Autowired
    ApplicationContext context;

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private void actAs(String... authorities) {
        context.getBeanProvider(org.springframework.security.core.context.SecurityContextHolderStrategy.class)
                .ifAvailable(SecurityContextHolder::setContextHolderStrategy);
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("setup", null,
                java.util.Arrays.stream(authorities).map(SimpleGrantedAuthority::new).toList()));
    }

    private String metricsToken() {
        actAs(PlatformPermissions.API_TOKENS_MANAGE);
        try {
            return "Bearer " + tokens.create("prometheus-" + UUID.randomUUID().toString().substring(0, 8), "platform",
                    Set.of(PlatformPermissions.METRICS_READ), null).secret();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private String user(Role role) {
        String username = "ops-" + role.name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 6);
        String password = username + "-passphrase";
        users.createInitialAdmin(username + "-tmp", "bootstrap-passphrase", false);
        actAs(PlatformPermissions.USERS_MANAGE);
        try {
            String oneTime = users.create(username, username, null, EnumSet.of(role));
            SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(username, null, List.of()));
            users.changeOwnPassword(username, oneTime, password);
        } finally {
            SecurityContextHolder.clearContext();
        }
        return basic(username, password);
    }

    @Test
    void readiness_and_liveness_answer_anonymous_load_balancers_with_the_status_only() throws Exception {
        HttpResponse<String> readiness = get("/actuator/health/readiness", null);
        assertThat(readiness.statusCode()).as(readiness.body()).isEqualTo(200);
        assertThat(readiness.body()).isEqualTo("{\"status\":\"UP\"}");
        HttpResponse<String> liveness = get("/actuator/health/liveness", null);
        assertThat(liveness.statusCode()).isEqualTo(200);
        assertThat(liveness.body()).isEqualTo("{\"status\":\"UP\"}");
        assertThat(get("/actuator/health", null).body()).doesNotContain("components").doesNotContain("steward");
    }

    @Test
    void readiness_shows_the_database_and_plugins_to_a_metrics_reader() throws Exception {
        HttpResponse<String> readiness = get("/actuator/health/readiness", metricsToken());
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).contains("\"steward\"").contains("\"database\":\"reachable\"").contains("\"pluginsFailed\":[]");
    }

    @Test
    void prometheus_is_refused_without_credentials_and_served_to_a_metrics_token() throws Exception {
        HttpResponse<String> anonymous = get("/actuator/prometheus", null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.body()).doesNotContain("hikaricp");

        HttpResponse<String> scrape = get("/actuator/prometheus", metricsToken());
        assertThat(scrape.statusCode()).as(scrape.body()).isEqualTo(200);
        assertThat(scrape.body()).contains("hikaricp_connections").contains("jvm_memory_used_bytes").contains("http_server_requests_seconds_count")
                .contains("tomcat_sessions_active_current_sessions")
                .contains("steward_mail_outbox_depth{status=\"pending\"}").contains("steward_job_runs_total{outcome=\"failed\"}");
    }

    @Test
    void an_admin_may_scrape_and_a_manager_without_the_permission_gets_403() throws Exception {
        assertThat(get("/actuator/prometheus", user(Role.ADMIN)).statusCode()).isEqualTo(200);
        HttpResponse<String> manager = get("/actuator/prometheus", user(Role.MANAGER));
        assertThat(manager.statusCode()).isEqualTo(403);
        assertThat(manager.body()).doesNotContain("hikaricp");
    }

    @Test
    void every_other_actuator_endpoint_stays_closed_even_to_an_admin() throws Exception {
        String admin = user(Role.ADMIN);
        for (String path : List.of("/actuator/env", "/actuator/beans", "/actuator/heapdump", "/actuator/loggers", "/actuator")) {
            assertThat(get(path, admin).statusCode()).as(path).isEqualTo(403);
        }
    }
}
