package dev.steward.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One simulated browser tab speaking Vaadin Flow 25's client protocol over plain HTTP, as {@code Flow.js} and
 * {@code FlowClient.js} do: the Spring Security form sign-in (the {@code _csrf} meta tag of the bootstrap page), the
 * {@code ?v-r=init} request that creates the UI (its id and the UI's CSRF key), then UIDL messages
 * ({@code ?v-r=uidl}: {@code csrfToken}, {@code rpc}, {@code syncId}, {@code clientId}) such as the root node's
 * {@code ui-navigate} event the client router sends, heartbeats ({@code ?v-r=heartbeat}) and the {@code UNLOAD}
 * beacon a closing tab sends. No push connection: whatever the server queues arrives with the next response.
 * Each round trip is reported to {@code timer} (what, milliseconds); a failed one throws {@link ProtocolException}.
 */
final class VaadinClient {

    private static final Pattern SPRING_CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    private static final Pattern UI_ID = Pattern.compile("\"v-uiId\":(\\d+)");
    private static final Pattern SECURITY_KEY = Pattern.compile("\"Vaadin-Security-Key\":\"([^\"]+)\"");
    private static final Pattern SYNC_ID = Pattern.compile("\"syncId\":(\\d+)");
    private static final Pattern CLIENT_ID = Pattern.compile("^\\{\"clientId\":(\\d+)");
    private static final Pattern PUSH_ID = Pattern.compile("\"Vaadin-Push-ID\":\"([^\"]+)\"");

    private final HttpClient http;
    private final URI base;
    private final BiConsumer<String, Double> timer;
    private String sessionCookie;
    private int uiId = -1;
    private String securityKey;
    private volatile int syncId;
    private int clientId;
    private String pushId;
    private WebSocket push;

    VaadinClient(HttpClient http, URI base, BiConsumer<String, Double> timer) {
        this.http = http;
        this.base = base;
        this.timer = timer;
    }

    /** Opens the sign-in page and posts the form as the browser does; fails unless the console lets the user in. */
    void signIn(String username, String password) {
        String page = send("login page", get("login")).body();
        Matcher csrf = SPRING_CSRF.matcher(page);
        if (!csrf.find()) {
            throw new ProtocolException("no CSRF token on the sign-in page");
        }
        String form = "username=" + enc(username) + "&password=" + enc(password) + "&_csrf=" + enc(csrf.group(1));
        HttpResponse<String> response = send("sign in", request("login")
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)));
        String location = response.headers().firstValue("Location").orElse("");
        if (response.statusCode() != 302 || location.contains("error")) {
            throw new ProtocolException("sign-in of " + username + " refused: " + response.statusCode() + " " + location);
        }
    }

    /** Loads the page at {@code route} as a fresh tab: the bootstrap page, the UI's init, then the navigation to it. */
    String open(String route) {
        send("page " + route, get(route));
        String init = send("init", get("?v-r=init&location=" + enc(route) + "&query=")).body();
        uiId = Integer.parseInt(group(UI_ID, init, "v-uiId"));
        securityKey = group(SECURITY_KEY, init, "Vaadin-Security-Key");
        syncId = Integer.parseInt(group(SYNC_ID, init, "syncId"));
        pushId = group(PUSH_ID, init, "Vaadin-Push-ID");
        clientId = 0;
        return navigate(route);
    }

    /** What the client router sends when the user follows a link inside the app. */
    String navigate(String route) {
        String data = "{\"route\":\"" + json(route) + "\",\"query\":\"\",\"appShellTitle\":\"\",\"historyState\":{\"idx\":0},\"trigger\":\"\"}";
        String body = uidl("navigate " + (route.isEmpty() ? "(dashboard)" : route), "[{\"type\":\"event\",\"node\":1,\"event\":\"ui-navigate\",\"data\":" + data + "}]", "");
        if (body.contains("There was an exception") || body.contains("Could not navigate")) {
            throw new ProtocolException("navigation to " + route + " failed");
        }
        return body;
    }

    /** Sends these RPC invocations (a JSON array) in one UIDL message; returns the server's changes. */
    String rpc(String what, String invocations) {
        return uidl(what, invocations, "");
    }

    /**
     * Opens the push channel as the browser does (Atmosphere over a WebSocket, the UI's push id): what the server
     * keeps per connected tab. Server-pushed messages are read for their sync id only.
     */
    void connectPush() {
        String uri = base.toString().replaceFirst("^http", "ws") + "VAADIN/push?v-r=push&v-uiId=" + uiId + "&v-pushId=" + pushId
                + "&X-Atmosphere-tracking-id=0&X-Atmosphere-Framework=3.1.5-javascript&X-Atmosphere-Transport=websocket"
                + "&X-atmo-protocol=true&Content-Type=" + enc("application/json; charset=UTF-8");
        long start = System.nanoTime();
        try {
            push = http.newWebSocketBuilder().header("Cookie", sessionCookie).buildAsync(URI.create(uri), new WebSocket.Listener() {
                @Override
                public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
                    Matcher sync = SYNC_ID.matcher(data);
                    if (sync.find()) {
                        syncId = Integer.parseInt(sync.group(1));
                    }
                    socket.request(1);
                    return null;
                }
            }).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new ProtocolException("push connection: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProtocolException("push connection: interrupted");
        }
        timer.accept("push connect", (System.nanoTime() - start) / 1e6);
    }

    void heartbeat() {
        send("heartbeat", request("?v-r=heartbeat&v-uiId=" + uiId).POST(HttpRequest.BodyPublishers.noBody()));
    }

    /** The beacon a browser sends when the tab closes: the server closes the UI at once. */
    void unload() {
        uidl("unload", "[]", ",\"UNLOAD\":true");
        if (push != null) {
            push.abort();
        }
    }

    private String uidl(String what, String rpc, String extra) {
        String message = "{\"csrfToken\":\"" + securityKey + "\",\"rpc\":" + rpc + ",\"syncId\":" + syncId + ",\"clientId\":" + clientId + extra + "}";
        String body = send(what, request("?v-r=uidl&v-uiId=" + uiId).header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(message))).body();
        if (body.contains("\"sessionExpired\":true") || body.contains("\"appError\"")) {
            throw new ProtocolException(what + ": the server ended the UI: " + body.substring(0, Math.min(300, body.length())));
        }
        Matcher sync = SYNC_ID.matcher(body);
        if (sync.find()) {
            syncId = Integer.parseInt(sync.group(1));
        }
        Matcher next = CLIENT_ID.matcher(body);
        clientId = next.find() ? Integer.parseInt(next.group(1)) : clientId + 1;
        return body;
    }

    private HttpRequest.Builder get(String path) {
        return request(path).GET();
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path));
        if (sessionCookie != null) {
            builder.header("Cookie", sessionCookie);
        }
        return builder;
    }

    private HttpResponse<String> send(String what, HttpRequest.Builder request) {
        long start = System.nanoTime();
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ProtocolException(what + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProtocolException(what + ": interrupted");
        }
        timer.accept(what, (System.nanoTime() - start) / 1e6);
        response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .findFirst().ifPresent(c -> sessionCookie = c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')));
        if (response.statusCode() >= 400) {
            throw new ProtocolException(what + ": HTTP " + response.statusCode());
        }
        return response;
    }

    private static String group(Pattern pattern, String text, String what) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            throw new ProtocolException("no " + what + " in the server's answer");
        }
        return m.group(1);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String json(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    static final class ProtocolException extends RuntimeException {
        ProtocolException(String message) {
            super(message);
        }
    }
}
