package dev.steward.console.browser;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Debian's Chromium, headless, driven over the DevTools protocol with the JDK's WebSocket client: no browser
 * download, no driver. Just enough for the key flows: navigate, run JavaScript, wait, take a screenshot.
 */
final class HeadlessChromium implements AutoCloseable {

    static final Path BINARY = Path.of("/usr/bin/chromium");
    private static final Pattern WS_URL = Pattern.compile("DevTools listening on (ws://\\S+)");

    private final Process process;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<String>> pending = new ConcurrentHashMap<>();
    private final String sessionId;

    static boolean available() {
        return Files.isExecutable(BINARY);
    }

    HeadlessChromium(int width, int height) throws Exception {
        Path profile = Files.createTempDirectory("chromium-profile");
        process = new ProcessBuilder(BINARY.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--remote-debugging-port=0", "--user-data-dir=" + profile,
                "--window-size=" + width + "," + height, "about:blank").redirectErrorStream(true).start();
        String url = awaitDevToolsUrl();
        socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(URI.create(url), new Listener()).get(30, TimeUnit.SECONDS);
        String target = field(send(null, "Target.createTarget", "{\"url\":\"about:blank\"}"), "targetId");
        sessionId = field(send(null, "Target.attachToTarget", "{\"targetId\":\"" + target + "\",\"flatten\":true}"), "sessionId");
        send(sessionId, "Page.enable", "{}");
        send(sessionId, "Emulation.setDeviceMetricsOverride",
                "{\"width\":" + width + ",\"height\":" + height + ",\"deviceScaleFactor\":1,\"mobile\":false}");
    }

    private String awaitDevToolsUrl() throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream()));
        Instant deadline = Instant.now().plusSeconds(30);
        String line;
        while (Instant.now().isBefore(deadline) && (line = out.readLine()) != null) {
            Matcher m = WS_URL.matcher(line);
            if (m.find()) {
                Thread.ofVirtual().start(() -> out.lines().forEach(l -> { })); // keep draining the output
                return m.group(1);
            }
        }
        throw new IllegalStateException("Chromium did not start its DevTools endpoint");
    }

    /**
     * Records each Content-Security-Policy violation of the pages opened from now on, in the tab's
     * {@code sessionStorage} item {@code csp-violations} (it survives navigations within the console).
     */
    void recordContentSecurityPolicyViolations() throws Exception {
        send(sessionId, "Page.addScriptToEvaluateOnNewDocument", "{\"source\":\"document.addEventListener('securitypolicyviolation', "
                + "e => sessionStorage.setItem('csp-violations', (sessionStorage.getItem('csp-violations') || '') "
                + "+ e.violatedDirective + ' ' + e.blockedURI + '; '))\"}");
    }

    String contentSecurityPolicyViolations() throws Exception {
        return eval("sessionStorage.getItem('csp-violations') || ''");
    }

    void navigate(String url) throws Exception {
        send(sessionId, "Page.navigate", "{\"url\":\"" + url + "\"}");
    }

    /** Evaluates a JavaScript expression in the page and returns its value as text (JSON for non-strings). */
    String eval(String expression) throws Exception {
        String escaped = expression.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
        String result = send(sessionId, "Runtime.evaluate",
                "{\"expression\":\"" + escaped + "\",\"returnByValue\":true,\"awaitPromise\":true}");
        Matcher m = Pattern.compile("\"value\":(\"((?:[^\"\\\\]|\\\\.)*)\"|[^,}]+)").matcher(result);
        if (!m.find()) {
            return null;
        }
        return m.group(2) != null ? m.group(2).replace("\\\"", "\"").replace("\\n", "\n") : m.group(1);
    }

    void waitUntil(String description, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(200);
        }
        String page;
        try {
            page = eval("location.href + ' :: ' + document.body.innerText.substring(0, 500)");
        } catch (Exception e) {
            page = "(page unreadable: " + e.getMessage() + ")";
        }
        throw new AssertionError("Timed out waiting until " + description + "; the page is " + page);
    }

    boolean evalTrue(String expression) {
        try {
            return "true".equals(eval(expression));
        } catch (Exception e) {
            return false;
        }
    }

    void screenshot(Path file) throws Exception {
        String data = field(send(sessionId, "Page.captureScreenshot", "{\"format\":\"png\"}"), "data");
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, Base64.getDecoder().decode(data));
    }

    private String send(String session, String method, String params) throws Exception {
        int id = ids.incrementAndGet();
        CompletableFuture<String> reply = new CompletableFuture<>();
        pending.put(id, reply);
        String message = "{\"id\":" + id + (session == null ? "" : ",\"sessionId\":\"" + session + "\"")
                + ",\"method\":\"" + method + "\",\"params\":" + params + "}";
        socket.sendText(message, true).get(10, TimeUnit.SECONDS);
        String response = reply.get(30, TimeUnit.SECONDS);
        if (response.contains("\"error\":{")) {
            throw new IllegalStateException(method + " failed: " + response);
        }
        return response;
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("No " + name + " in " + json);
        }
        return m.group(1);
    }

    @Override
    public void close() {
        socket.abort();
        process.destroyForcibly();
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder buffer = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            buffer.append(data);
            if (last) {
                String message = buffer.toString();
                buffer.setLength(0);
                Matcher m = Pattern.compile("^\\{\"id\":(\\d+)").matcher(message);
                if (m.find()) {
                    CompletableFuture<String> reply = pending.remove(Integer.parseInt(m.group(1)));
                    if (reply != null) {
                        reply.complete(message);
                    }
                }
            }
            webSocket.request(1);
            return null;
        }
    }

}
