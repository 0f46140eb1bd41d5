package dev.steward.incidents.security;

import dev.steward.testkit.console.ConsoleTestApplication;
import dev.steward.incidents.IncidentPermissions;
import dev.steward.platform.security.ApiTokenService;
import dev.steward.platform.security.PermissionCatalog;
import dev.steward.platform.security.PlatformPermissions;
import dev.steward.platform.security.Role;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12: an intake token could change any open incident by its reference, its aware time included (which starts
 * the legal clocks). Over real HTTP with real tokens: a token updates only what it opened, a foreign reference is
 * answered exactly like one that does not exist, and only a token given incidents.intake.update-any (no role has it)
 * may update the others.
 */
@SpringBootTest(classes = ConsoleTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IntakeScopeAttackTest {

    @LocalServerPort
    int port;
    @Autowired
    ApiTokenService tokens;
    @Autowired
    PermissionCatalog permissions;
    @Autowired
    DSLContext dsl;
    @Autowired
    ObjectMapper json;
    @Autowired
    ApplicationContext context;

    String siem;
    String otherTool;
    String coordinator;

    @BeforeEach
    void tokens() {
        context.getBeanProvider(org.springframework.security.core.context.SecurityContextHolderStrategy.class)
                .ifAvailable(SecurityContextHolder::setContextHolderStrategy);
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("root", null,
                List.of(new SimpleGrantedAuthority(PlatformPermissions.API_TOKENS_MANAGE))));
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Set<String> intake = Set.of(IncidentPermissions.READ, IncidentPermissions.WORK);
        siem = tokens.create("siem-" + suffix, "incidents", intake, null).secret();
        otherTool = tokens.create("other-" + suffix, "incidents", intake, null).secret();
        coordinator = tokens.create("coordinator-" + suffix, "incidents",
                Set.of(IncidentPermissions.READ, IncidentPermissions.WORK, IncidentPermissions.INTAKE_UPDATE_ANY), null).secret();
        SecurityContextHolder.clearContext();
    }

    @Test
    void another_token_cannot_move_the_aware_time_of_an_incident_it_did_not_open() throws Exception {
        Instant aware = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        JsonNode opened = open(siem, aware);
        String reference = opened.get("reference").asString();

        HttpResponse<String> moved = post(otherTool, """
                {"reference": "%s", "awareAt": "%s"}""".formatted(reference, Instant.now().minus(1, ChronoUnit.MINUTES)));
        HttpResponse<String> unknown = post(otherTool, """
                {"reference": "INC-1999-99999", "awareAt": "%s"}""".formatted(Instant.now().minus(1, ChronoUnit.MINUTES)));

        assertThat(moved.statusCode()).isEqualTo(404);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(moved.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(moved.body().replace(reference, "REF")).as("a foreign reference reads like an unknown one")
                .isEqualTo(unknown.body().replace("INC-1999-99999", "REF"));
        assertThat(json.readTree(moved.body()).get("error").asString()).isEqualTo("No incident " + reference + " was opened through this client");
        assertThat(awareAt(opened)).isEqualTo(aware);
    }

    @Test
    void another_token_cannot_take_over_an_incident_by_its_external_reference_either() throws Exception {
        String externalRef = "SPLUNK-" + UUID.randomUUID();
        JsonNode opened = json.readTree(post(siem, """
                {"externalRef": "%s", "title": "Beacon", "type": "RANSOMWARE", "discoveredAt": "%s"}"""
                .formatted(externalRef, Instant.now().minus(3, ChronoUnit.HOURS))).body());

        HttpResponse<String> takeover = post(otherTool, """
                {"externalRef": "%s", "title": "Nothing to see"}""".formatted(externalRef));

        assertThat(takeover.statusCode()).isEqualTo(404);
        assertThat(dsl.fetchValue("select title from incidents.incident where id = ?", opened.get("id").asLong())).isEqualTo("Beacon");
    }

    @Test
    void the_opening_token_updates_its_own_incident_and_an_update_any_token_updates_every_incident() throws Exception {
        JsonNode opened = open(siem, Instant.now().minus(5, ChronoUnit.HOURS));
        String reference = opened.get("reference").asString();
        Instant later = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);

        assertThat(post(siem, """
                {"reference": "%s", "awareAt": "%s"}""".formatted(reference, later)).statusCode()).isEqualTo(200);
        assertThat(awareAt(opened)).isEqualTo(later);

        dsl.execute("update incidents.incident set intake_client = null where id = ?", opened.get("id").asLong()); // as if logged in the console
        assertThat(post(siem, """
                {"reference": "%s", "title": "Renamed"}""".formatted(reference)).statusCode()).isEqualTo(404);
        HttpResponse<String> byCoordinator = post(coordinator, """
                {"reference": "%s", "title": "Renamed by the coordinator"}""".formatted(reference));
        assertThat(byCoordinator.statusCode()).as(byCoordinator.body()).isEqualTo(200);
    }

    @Test
    void no_role_holds_the_permission_to_update_incidents_opened_by_others() {
        assertThat(permissions.permissionsOf(EnumSet.allOf(Role.class))).doesNotContain(IncidentPermissions.INTAKE_UPDATE_ANY);
    }

    private JsonNode open(String token, Instant aware) throws Exception {
        HttpResponse<String> response = post(token, """
                {"title": "Impossible travel", "type": "UNAUTHORISED_ACCESS", "discoveredAt": "%s", "awareAt": "%s"}"""
                .formatted(aware.minus(1, ChronoUnit.HOURS), aware));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json.readTree(response.body());
    }

    private Instant awareAt(JsonNode incident) {
        return dsl.fetchOne("select aware_at from incidents.incident where id = ?", incident.get("id").asLong())
                .get(0, OffsetDateTime.class).toInstant();
    }

    private HttpResponse<String> post(String token, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/incidents/intake"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .header("Idempotency-Key", "scope-" + UUID.randomUUID()).POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
