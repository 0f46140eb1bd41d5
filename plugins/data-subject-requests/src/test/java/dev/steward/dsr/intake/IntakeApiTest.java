package dev.steward.dsr.intake;

import dev.steward.dsr.DsrPermissions;
import dev.steward.dsr.DsrTestBase;
import dev.steward.dsr.requests.Channel;
import dev.steward.platform.security.ApiTokenService;
import dev.steward.platform.security.PlatformPermissions;
import dev.steward.testkit.console.ConsoleTestApplication;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static dev.steward.dsr.db.Tables.REQUEST;
import static org.assertj.core.api.Assertions.assertThat;

/** The intake API over real HTTP with real tokens. */
@SpringBootTest(classes = ConsoleTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IntakeApiTest extends DsrTestBase {

    @LocalServerPort
    int port;
    @Autowired
    ApiTokenService tokens;

    String helpdesk;
    String otherTool;
    String readOnly;

    @BeforeEach
    void tokens() {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("root", null,
                List.of(new SimpleGrantedAuthority(PlatformPermissions.API_TOKENS_MANAGE))));
        Set<String> intake = Set.of(DsrPermissions.WORK);
        helpdesk = tokens.create("helpdesk-" + suffix, DsrPermissions.PLUGIN_ID, intake, null).secret();
        otherTool = tokens.create("other-" + suffix, DsrPermissions.PLUGIN_ID, intake, null).secret();
        readOnly = tokens.create("reader-" + suffix, DsrPermissions.PLUGIN_ID, Set.of(DsrPermissions.READ), null).secret();
        SecurityContextHolder.clearContext();
    }

    private String email() {
        return "rosa." + suffix + "@example.org";
    }

    private String body() {
        return """
                {"name": "Rosa Diaz %s", "email": "%s", "jurisdiction": "US-CA", "types": ["DELETION", "OPT_OUT_SALE"],
                 "details": "Ticket 4711"}""".formatted(suffix, email());
    }

    private HttpResponse<String> post(String token, String key, String body) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/dsr/requests"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String token, String reference) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/dsr/requests/" + reference))
                .header("Authorization", "Bearer " + token).GET();
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JsonMapper.builder().build().readTree(response.body());
    }

    private int requests() {
        return dsl.fetchCount(REQUEST, REQUEST.REQUESTER_EMAIL.eq(email()));
    }

    @Test
    void a_tool_opens_a_request_and_a_retry_returns_the_same_answer_without_a_second_request() throws Exception {
        String key = "ticket-" + suffix;
        HttpResponse<String> first = post(helpdesk, key, body());
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(first.headers().firstValue("Idempotent-Replayed")).hasValue("false");
        String reference = json(first).get("reference").stringValue();
        assertThat(json(first).get("status").stringValue()).isEqualTo("AWAITING_VERIFICATION");
        assertThat(first.body()).doesNotContain(suffix).doesNotContain(email());
        assertThat(dsl.fetchOne(REQUEST, REQUEST.REFERENCE.eq(reference)).getChannel()).isEqualTo(Channel.API);

        HttpResponse<String> retry = post(helpdesk, key, body());
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(requests()).isOne();

        HttpResponse<String> reused = post(helpdesk, key, body().replace("Ticket 4711", "Ticket 4712"));
        assertThat(reused.statusCode()).isEqualTo(409);
        assertThat(requests()).isOne();

        assertThat(get(helpdesk, reference).statusCode()).isEqualTo(200);
        assertThat(json(get(helpdesk, reference)).get("reference").stringValue()).isEqualTo(reference);
        HttpResponse<String> foreign = get(otherTool, reference);
        assertThat(foreign.statusCode()).as("another client's request is as if it did not exist").isEqualTo(404);
        assertThat(get(otherTool, "DSR-1999-000001").body()).isEqualTo(foreign.body());
    }

    @Test
    void unreadable_fields_are_named_with_400_and_rule_breaks_with_422_without_repeating_the_values_or_writing_anything() throws Exception {
        String secret = "secret-" + suffix;
        HttpResponse<String> unreadable = post(helpdesk, "bad-" + suffix, """
                {"name": 42, "types": ["DELETION", "%s"], "onBehalf": "%s", "receivedAt": "%s", "%s": 1}"""
                .formatted(secret, secret, secret, "extra"));
        assertThat(unreadable.statusCode()).isEqualTo(400);
        assertThat(json(unreadable).get("fields").valueStream().map(f -> f.get("field").stringValue()).toList())
                .containsExactly("name", "types", "onBehalf", "receivedAt", "extra");
        assertThat(unreadable.body()).doesNotContain(secret);

        HttpResponse<String> breaks = post(helpdesk, "rule-" + suffix, """
                {"name": "Rosa %s", "email": "%s", "jurisdiction": "US-CA", "types": ["DELETION"]}""".formatted(suffix, secret));
        assertThat(breaks.statusCode()).isEqualTo(422);
        assertThat(json(breaks).get("fields").get(0).get("field").stringValue()).isEqualTo("requesterEmail");
        assertThat(breaks.body()).doesNotContain(secret).doesNotContain(suffix);

        assertThat(post(helpdesk, null, body()).statusCode()).isEqualTo(400);
        assertThat(post(helpdesk, "x-" + suffix, "[1,2").statusCode()).isEqualTo(400);
        assertThat(requests()).isZero();
    }

    @Test
    void a_body_larger_than_the_limit_is_refused_with_413() throws Exception {
        String huge = body().replace("Ticket 4711", "x".repeat(IntakeApi.MAX_BODY_BYTES));
        HttpResponse<String> response = post(helpdesk, "huge-" + suffix, huge);
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(requests()).isZero();
    }

    @Test
    void callers_without_a_token_with_a_false_one_or_without_the_permission_are_refused() throws Exception {
        assertThat(post(null, "k-" + suffix, body()).statusCode()).isEqualTo(401);
        assertThat(post("stw_not-a-real-token", "k-" + suffix, body()).statusCode()).isEqualTo(401);
        assertThat(post(readOnly, "k-" + suffix, body()).statusCode()).isEqualTo(403);
        assertThat(get(readOnly, "DSR-1999-000001").statusCode()).isEqualTo(403);
        assertThat(requests()).isZero();
    }
}
