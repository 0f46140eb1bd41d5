package dev.steward.console.faults;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every request carries an id, echoed in {@code X-Request-Id} and written with each log line of the request into the
 * log file, which is JSON (Elastic Common Schema): a proxy's sane id is kept so the operator can follow one request
 * from the load balancer's log into the console's.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "logging.file.name=target/request-id-test/steward.log",
        "logging.level.org.springframework.security.web.FilterChainProxy=debug"})
class RequestIdTest {

    @org.junit.jupiter.api.BeforeAll
    static void ownLogFile() {
        dev.steward.console.faults.FreshLogging.reset();
    }

    static final Path LOG = Path.of("target/request-id-test/steward.log");
    private static final ObjectMapper json = new ObjectMapper();

    @LocalServerPort
    int port;

    private HttpResponse<String> get(String path, String requestId) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (requestId != null) {
            request.header("X-Request-Id", requestId);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The log file's lines, each a JSON object. */
    static List<JsonNode> logLines() throws Exception {
        return Files.readAllLines(LOG).stream().filter(line -> !line.isBlank()).map(json::readTree).toList();
    }

    static String requestIdOf(JsonNode line) {
        JsonNode nested = line.path("http").path("request").path("id");
        return nested.isMissingNode() ? line.path("http.request.id").asString(null) : nested.asString(null);
    }

    @Test
    void a_request_without_an_id_gets_a_new_one_in_the_response() throws Exception {
        HttpResponse<String> first = get("/api/platform/plugins", null);
        HttpResponse<String> second = get("/api/platform/plugins", null);
        String id = first.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(UUID.fromString(id)).isNotNull();
        assertThat(second.headers().firstValue("X-Request-Id")).isPresent().isNotEqualTo(first.headers().firstValue("X-Request-Id"));
    }

    @Test
    void the_proxys_sane_id_is_kept_and_appears_as_a_json_field_on_the_requests_log_lines() throws Exception {
        String id = "lb-" + UUID.randomUUID().toString().substring(0, 8) + "_1.a";
        HttpResponse<String> response = get("/api/platform/plugins", id);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("X-Request-Id")).hasValue(id);

        List<JsonNode> lines = logLines();
        assertThat(lines).as("every line of the log file is a JSON object").isNotEmpty()
                .allSatisfy(line -> assertThat(line.has("@timestamp")).isTrue());
        assertThat(lines).filteredOn(line -> id.equals(requestIdOf(line)))
                .as("the request's own log lines carry its id")
                .anySatisfy(line -> assertThat(line.path("message").asString()).contains("/api/platform/plugins"));
    }

    @Test
    void vaadin_pages_and_its_uidl_requests_get_an_id_too() throws Exception {
        assertThat(get("/login", "page-1").headers().firstValue("X-Request-Id")).hasValue("page-1");
        HttpResponse<String> uidl = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/?v-r=uidl&v-uiId=0")).header("X-Request-Id", "uidl-1")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(uidl.headers().firstValue("X-Request-Id")).hasValue("uidl-1");
    }

    @Test
    void an_id_too_long_or_with_other_characters_is_replaced() throws Exception {
        for (String bad : List.of("a".repeat(65), "has space", "semi;colon", "quote\"}", "tab\tin")) {
            HttpResponse<String> response = get("/api/platform/plugins", bad);
            String echoed = response.headers().firstValue("X-Request-Id").orElseThrow();
            assertThat(echoed).as(bad).isNotEqualTo(bad);
            assertThat(UUID.fromString(echoed)).isNotNull();
        }
    }
}
