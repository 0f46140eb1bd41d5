package dev.steward.console.sso;

import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One browser, driving the real authorization code flow over HTTP: the console's sign-in link, the provider's
 * authorization endpoint (which signs the user in at once: no login page) and the console's callback, which fetches
 * the tokens from the provider. Keeps its cookies and follows no redirect by itself.
 */
public final class SsoBrowser {

    private static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    private final int port;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient client;

    public SsoBrowser(int port) {
        this.port = port;
        this.client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public HttpResponse<String> get(String pathOrUrl) throws Exception {
        URI uri = pathOrUrl.startsWith("http") ? URI.create(pathOrUrl) : URI.create("http://localhost:" + port + pathOrUrl);
        return client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Follows the console's sign-in link; returns where it sends the browser (the provider's authorization endpoint). */
    public URI startSignIn() throws Exception {
        return redirectOf(get("/oauth2/authorization/" + OidcTestServer.REGISTRATION_ID));
    }

    /** The provider signs the user in; returns where it sends the browser back to (the console's callback). */
    public URI authorize(URI authorizationRequest) throws Exception {
        return redirectOf(get(authorizationRequest.toString()));
    }

    /** The whole flow for a user the provider knows by this subject and these claims; returns the callback's answer. */
    public HttpResponse<String> signInAs(String subject, Map<String, Object> claims) throws Exception {
        URI callback = authorize(startSignIn());
        OidcTestServer.get().enqueueCallback(new DefaultOAuth2TokenCallback(OidcTestServer.ISSUER_ID, subject, "JWT",
                List.of(OidcTestServer.CLIENT_ID), claims, 3600));
        return get(callback.toString());
    }

    /** Posts the console's login form as the login page does. */
    public HttpResponse<String> signInWithPassword(String username, String password) throws Exception {
        Matcher csrf = CSRF.matcher(get("/login").body());
        if (!csrf.find()) {
            throw new AssertionError("no CSRF token on the login page");
        }
        String form = "username=" + encode(username) + "&password=" + encode(password) + "&_csrf=" + encode(csrf.group(1));
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    public Optional<String> sessionId() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                .map(HttpCookie::getValue).findFirst();
    }

    /** Where a sign-in's answer sends the browser: the console's start page, or the sign-in page with an error. */
    public static String landing(HttpResponse<String> response) {
        if (response.statusCode() != 302) {
            throw new AssertionError("expected a redirect, got " + response.statusCode() + ": " + response.body());
        }
        return URI.create(response.headers().firstValue("Location").orElseThrow()).getRawPath()
                + Optional.ofNullable(URI.create(response.headers().firstValue("Location").orElseThrow()).getRawQuery())
                .map(q -> "?" + q).orElse("");
    }

    static URI redirectOf(HttpResponse<String> response) {
        if (response.statusCode() != 302) {
            throw new AssertionError("expected a redirect, got " + response.statusCode() + ": " + response.body());
        }
        return URI.create(response.headers().firstValue("Location").orElseThrow());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
