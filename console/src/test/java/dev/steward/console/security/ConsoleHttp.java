package dev.steward.console.security;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One browser-like client of a console started on a random port: keeps its cookies, follows no redirects, and
 * can claim to come from another address (the test console trusts {@code X-Forwarded-For} from localhost, as it
 * would from its TLS proxy with {@code server.forward-headers-strategy=native}).
 */
final class ConsoleHttp {

    private static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    private final int port;
    private final String from;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient client;

    ConsoleHttp(int port, String from) {
        this.port = port;
        this.from = from;
        this.client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    private HttpRequest.Builder request(String path) {
        var builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (from != null) {
            builder.header("X-Forwarded-For", from);
        }
        return builder;
    }

    HttpResponse<String> get(String path) throws Exception {
        return client.send(request(path).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> getWithBasic(String path, String username, String password) throws Exception {
        String credentials = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        return client.send(request(path).header("Authorization", "Basic " + credentials).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> getWithBearer(String path, String token) throws Exception {
        return client.send(request(path).header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Posts the login form as the Vaadin login page does (with the CSRF token of its page); returns the redirect. */
    HttpResponse<String> signIn(String username, String password) throws Exception {
        HttpResponse<String> page = get("/login");
        Matcher csrf = CSRF.matcher(page.body());
        if (!csrf.find()) {
            throw new AssertionError("no CSRF token on the login page: " + page.body());
        }
        String form = "username=" + encode(username) + "&password=" + encode(password) + "&_csrf=" + encode(csrf.group(1));
        return client.send(request("/login").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** True if a request with this client's session cookie reaches a signed-in page instead of the login page. */
    boolean isSignedIn() throws Exception {
        HttpResponse<String> response = get("/admin/users");
        return response.statusCode() == 200;
    }

    Optional<String> sessionId() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                .map(HttpCookie::getValue).findFirst();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
