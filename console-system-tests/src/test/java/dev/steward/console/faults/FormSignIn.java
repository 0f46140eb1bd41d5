package dev.steward.console.faults;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A browser signing in through the login form of a console on a random port, keeping its cookies. */
final class FormSignIn {

    private static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    /** Where the form post sent the browser, and the page found there (Vaadin's page shell: the view comes later). */
    record Outcome(String redirect, String loginPage) {
    }

    private final int port;
    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();

    FormSignIn(int port) {
        this.port = port;
    }

    Outcome signIn(String username, String password) throws Exception {
        HttpResponse<String> page = get("/login");
        Matcher csrf = CSRF.matcher(page.body());
        if (!csrf.find()) {
            throw new AssertionError("no CSRF token on the login page: " + page.body());
        }
        String form = "username=" + encode(username) + "&password=" + encode(password) + "&_csrf=" + encode(csrf.group(1));
        HttpResponse<String> posted = client.send(HttpRequest.newBuilder(uri("/login")).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        String location = posted.headers().firstValue("Location").orElse("(status " + posted.statusCode() + ")");
        String path = URI.create(location.startsWith("(") ? "/" : location).getRawPath();
        String query = URI.create(location.startsWith("(") ? "/" : location).getRawQuery();
        String landing = location.startsWith("(") ? posted.body() : get(path + (query == null ? "" : "?" + query)).body();
        return new Outcome(location, landing);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
