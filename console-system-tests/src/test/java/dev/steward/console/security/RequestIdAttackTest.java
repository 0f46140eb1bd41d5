package dev.steward.console.security;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A forged {@code X-Request-Id} (line breaks to forge log lines or response headers, a huge value to flood the log)
 * is replaced by a fresh id or refused by the server: it is never echoed and never reaches the log file raw. Sent over
 * a raw socket, as an attacker would; an HTTP client library refuses to send such headers at all.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "logging.file.name=target/request-id-attack-test/steward.log",
        "logging.level.org.springframework.security.web.FilterChainProxy=debug"})
class RequestIdAttackTest {

    @org.junit.jupiter.api.BeforeAll
    static void ownLogFile() {
        dev.steward.console.faults.FreshLogging.reset();
    }

    private static final Path LOG = Path.of("target/request-id-attack-test/steward.log");
    private static final Pattern STATUS = Pattern.compile("^HTTP/1\\.1 (\\d{3})");
    private static final Pattern ECHOED = Pattern.compile("(?im)^X-Request-Id: (.*)$");

    @LocalServerPort
    int port;

    /** The raw response head (status line and headers) to a GET with the given raw header line(s). */
    private String rawGet(String rawHeaders) throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /api/platform/plugins HTTP/1.1\r\nHost: localhost\r\n" + rawHeaders + "Connection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            in.transferTo(response);
            String text = response.toString(StandardCharsets.ISO_8859_1);
            int end = text.indexOf("\r\n\r\n");
            return end < 0 ? text : text.substring(0, end);
        }
    }

    private static void assertReplacedOrRefused(String head, String marker) {
        Matcher status = STATUS.matcher(head);
        assertThat(status.find()).as(head).isTrue();
        assertThat(head).doesNotContain(marker);
        Matcher echoed = ECHOED.matcher(head);
        if (echoed.find()) {
            assertThat(UUID.fromString(echoed.group(1).strip())).as("a fresh id instead of the forged one").isNotNull();
        } else {
            assertThat(Integer.parseInt(status.group(1))).as("refused by the server before any filter ran").isEqualTo(400);
        }
    }

    private static String logFile() throws Exception {
        assertThat(LOG).as("the console writes its log file").exists();
        return Files.readString(LOG);
    }

    @Test
    void a_request_id_with_a_carriage_return_or_line_feed_never_forges_a_header_or_a_log_line() throws Exception {
        String marker = "FORGED" + UUID.randomUUID().toString().substring(0, 8);
        // a bare CR inside the value, and an obsolete line folding that continues the value on the next line
        assertReplacedOrRefused(rawGet("X-Request-Id: abc\r" + marker + "\r\n"), marker);
        assertReplacedOrRefused(rawGet("X-Request-Id: abc\r\n " + marker + "\r\n"), marker);
        // a value that would close the JSON log line and add a field of its own
        assertReplacedOrRefused(rawGet("X-Request-Id: x\",\"level\":\"" + marker + "\r\n"), marker);
        assertThat(logFile()).doesNotContain(marker);
    }

    @Test
    void a_10_kb_request_id_is_neither_echoed_nor_logged() throws Exception {
        String marker = "HUGE" + UUID.randomUUID().toString().substring(0, 8);
        String huge = marker + "a".repeat(10 * 1024);
        assertReplacedOrRefused(rawGet("X-Request-Id: " + huge + "\r\n"), marker);
        String big = marker + "b".repeat(4 * 1024); // under the server's header limit: reaches the filter
        String head = rawGet("X-Request-Id: " + big + "\r\n");
        assertThat(head).startsWith("HTTP/1.1 401");
        assertReplacedOrRefused(head, marker);
        assertThat(logFile()).doesNotContain(marker);
    }
}
