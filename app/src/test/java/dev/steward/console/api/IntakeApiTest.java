package dev.steward.console.api;

import dev.steward.platform.plugin.ExtensionRegistry;
import dev.steward.platform.security.ApiTokenService;
import dev.steward.platform.security.PlatformPermissions;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.table;

/** The incident intake API over real HTTP with API tokens: validation, idempotency, auth, audit and its OpenAPI description. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IntakeApiTest {

    @LocalServerPort
    int port;
    @Autowired
    ApiTokenService tokens;
    @Autowired
    DSLContext dsl;
    @Autowired
    ExtensionRegistry registry;
    @Autowired
    ObjectMapper json;
    @Autowired
    ApplicationContext context;
    @Autowired
    dev.steward.platform.security.UserAccountService users;

    String siem;
    String readOnly;

    @BeforeEach
    void tokens() {
        context.getBeanProvider(org.springframework.security.core.context.SecurityContextHolderStrategy.class)
                .ifAvailable(SecurityContextHolder::setContextHolderStrategy);
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("root", null,
                List.of(new SimpleGrantedAuthority(PlatformPermissions.API_TOKENS_MANAGE))));
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        siem = tokens.create("siem-" + suffix, "incidents", Set.of("incidents.read", "incidents.work"), null).secret();
        readOnly = tokens.create("reader-" + suffix, "incidents", Set.of("incidents.read"), null).secret();
        SecurityContextHolder.clearContext();
    }

    @AfterEach
    void enableAgain() {
        registry.setEnabled("incidents", true, "test");
    }

    private HttpResponse<String> post(String token, String key, String body) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/incidents/intake"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String hoursAgo(int hours) {
        return Instant.now().minus(hours, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private int incidents() {
        return dsl.fetchCount(table("incidents.incident"));
    }

    private int apiCalls() {
        return dsl.fetchCount(table("platform.audit_log"), field("module").eq("incidents").and(field("action").eq("API_CALL")));
    }

    @Test
    void a_siem_opens_an_incident_and_a_retry_returns_the_same_answer_without_a_second_incident() throws Exception {
        String body = """
                {"externalRef": "SPLUNK-%s", "title": "Impossible travel on HR admin", "type": "UNAUTHORISED_ACCESS",
                 "discoveredAt": "%s", "awareAt": "%s", "residents": {"DE": 1200}, "dataCategories": ["employment"]}
                """.formatted(UUID.randomUUID(), hoursAgo(3), hoursAgo(2));
        int before = incidents();
        int calls = apiCalls();
        String key = "alert-" + UUID.randomUUID();

        HttpResponse<String> first = post(siem, key, body);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        JsonNode answer = json.readTree(first.body());
        assertThat(answer.get("reference").asString()).matches("INC-\\d{4}-\\d{5}");
        assertThat(answer.get("obligations").get(0).get("regime").asString()).isEqualTo("GDPR");
        assertThat(dsl.fetchValue("select reporter from incidents.incident where id = ?", answer.get("id").asLong()))
                .asString().startsWith("api:siem-");

        HttpResponse<String> retry = post(siem, key, body);
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(incidents()).isEqualTo(before + 1);
        assertThat(apiCalls()).isEqualTo(calls + 2);

        HttpResponse<String> reused = post(siem, key, body.replace("Impossible travel", "Other"));
        assertThat(reused.statusCode()).isEqualTo(409);
        assertThat(reused.body()).contains("was used for a different request");
    }

    @Test
    void a_later_call_with_the_same_external_reference_updates_only_the_fields_it_sends() throws Exception {
        String ref = "QRADAR-" + UUID.randomUUID();
        HttpResponse<String> opened = post(siem, "k1-" + ref, """
                {"externalRef": "%s", "title": "Malware beacon", "type": "RANSOMWARE", "discoveredAt": "%s"}
                """.formatted(ref, hoursAgo(5)));
        assertThat(opened.statusCode()).isEqualTo(201);
        long id = json.readTree(opened.body()).get("id").asLong();

        HttpResponse<String> updated = post(siem, "k2-" + ref, """
                {"externalRef": "%s", "containedAt": "%s", "residents": {"US-TX": 300}}
                """.formatted(ref, hoursAgo(1)));
        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
        assertThat(json.readTree(updated.body()).get("created").asBoolean()).isFalse();
        assertThat(dsl.fetchValue("select title from incidents.incident where id = ?", id)).isEqualTo("Malware beacon");
        assertThat(dsl.fetchValue("select contained_at is not null from incidents.incident where id = ?", id)).isEqualTo(true);
        assertThat(updated.body()).contains("\"regime\":\"Texas\"");
    }

    @Test
    void invalid_fields_are_named_one_by_one_with_400_and_nothing_is_written() throws Exception {
        int before = incidents();
        HttpResponse<String> response = post(siem, "bad-" + UUID.randomUUID(), """
                {"title": "", "type": "WORM", "discoveredAt": "yesterday", "individuals": -3,
                 "residents": {"XX": 4, "DE": "many"}, "colour": "red"}
                """);
        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode fields = json.readTree(response.body()).get("fields");
        List<String> named = new java.util.ArrayList<>();
        fields.forEach(f -> named.add(f.get("field").asString()));
        assertThat(named).contains("type", "discoveredAt", "individuals", "residents.DE", "colour");
        assertThat(response.body()).contains("type must be one of RANSOMWARE", "ISO-8601", "Unknown field colour");
        assertThat(incidents()).isEqualTo(before);

        HttpResponse<String> rules = post(siem, "bad2-" + UUID.randomUUID(), """
                {"title": "Future", "type": "OTHER", "discoveredAt": "%s", "residents": {"XX": 4}}
                """.formatted(Instant.now().plus(2, ChronoUnit.DAYS)));
        assertThat(rules.statusCode()).isEqualTo(400);
        assertThat(rules.body()).contains("The discovery cannot be in the future", "Unknown jurisdiction XX");
        assertThat(post(siem, null, "{}").body()).contains("Idempotency-Key header");
        assertThat(post(siem, "x-" + UUID.randomUUID(), "[1,2").statusCode()).isEqualTo(400);
        assertThat(incidents()).isEqualTo(before);
    }

    @Test
    void callers_without_a_valid_token_or_the_permission_are_refused_and_audited() throws Exception {
        int failedLogins = dsl.fetchCount(table("platform.audit_log"), field("action").eq("AUTH_FAILED"));
        assertThat(post(null, "k", "{}").statusCode()).isEqualTo(401);
        assertThat(post("stw_not-a-real-token", "k", "{}").statusCode()).isEqualTo(401);
        assertThat(dsl.fetchCount(table("platform.audit_log"), field("action").eq("AUTH_FAILED"))).isEqualTo(failedLogins + 1);
        int calls = apiCalls();
        HttpResponse<String> reader = post(readOnly, "k-" + UUID.randomUUID(), "{\"title\": \"x\"}");
        assertThat(reader.statusCode()).isEqualTo(403);
        assertThat(apiCalls()).isEqualTo(calls + 1);
    }

    /** The endpoint in the role matrix: a console user's roles decide, through HTTP Basic, as for a token. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(dev.steward.platform.security.Role.class)
    void each_role_may_call_the_intake_exactly_when_it_may_work_incidents(dev.steward.platform.security.Role role) throws Exception {
        String user = "intake-" + role.name().toLowerCase();
        createUser(user, user + "-passphrase", role);
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/incidents/intake"))
                .header("Content-Type", "application/json").header("Idempotency-Key", "matrix-" + UUID.randomUUID())
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + user + "-passphrase").getBytes()))
                .POST(HttpRequest.BodyPublishers.ofString("{\"title\": 42}")).build();
        int status = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
        boolean allowed = role == dev.steward.platform.security.Role.SECURITY_ANALYST || role == dev.steward.platform.security.Role.PRIVACY_OFFICER;
        assertThat(status).as(role.name()).isEqualTo(allowed ? 400 : 403); // allowed callers get past the check to validation
    }

    private void createUser(String username, String password, dev.steward.platform.security.Role role) {
        users.createInitialAdmin(username + "-tmp", "bootstrap-passphrase", false);
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "setup", null, List.of(new SimpleGrantedAuthority("platform.users.manage"))));
        try {
            String oneTime = users.create(username, username, null, java.util.EnumSet.of(role));
            SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(username, null, List.of()));
            users.changeOwnPassword(username, oneTime, password);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    @Test
    void a_disabled_plugin_answers_503() throws Exception {
        registry.setEnabled("incidents", false, "test");
        HttpResponse<String> response = post(siem, "k-" + UUID.randomUUID(), "{}");
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).contains("The plugin incidents is disabled");
    }

    @Test
    void the_openapi_description_lists_exactly_the_api_the_console_serves() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/openapi.json")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode document = json.readTree(response.body());
        assertThat(document.get("openapi").asString()).startsWith("3.");
        Set<String> described = new TreeSet<>(document.get("paths").propertyNames());
        Set<String> served = new TreeSet<>();
        context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values().forEach(mapping ->
                mapping.getHandlerMethods().keySet().forEach(info -> info.getPatternValues().stream()
                        .filter(p -> p.startsWith("/api/")).forEach(served::add)));
        assertThat(described).isEqualTo(served);
        assertThat(document.at("/components/schemas/IncidentIntake/properties/residents")).isNotNull();
    }
}
