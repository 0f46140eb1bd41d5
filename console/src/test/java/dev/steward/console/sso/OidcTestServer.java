package dev.steward.console.sso;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.http.OAuth2HttpRequest;
import no.nav.security.mock.oauth2.http.OAuth2HttpResponse;
import no.nav.security.mock.oauth2.http.OAuth2HttpResponseKt;
import no.nav.security.mock.oauth2.http.Route;

import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The OpenID Connect provider of the single sign-on tests: NAV's mock-oauth2-server, a real OIDC server (discovery,
 * authorization code flow, signed tokens, user info) started in this JVM, once, on a free port. Its issuer
 * {@value #ISSUER_ID} is the test console's provider. For attacks it can answer the next token request with an ID
 * token of the test's making ({@link #answerNextTokenRequestWith}).
 */
public final class OidcTestServer {

    public static final String ISSUER_ID = "corp";
    public static final String REGISTRATION_ID = "corp";
    public static final String CLIENT_ID = "steward-console";
    public static final String PROVIDER_NAME = "Corp SSO";

    private static final AtomicReference<String> FORGED_ID_TOKEN = new AtomicReference<>();
    private static MockOAuth2Server server;

    private OidcTestServer() {
    }

    public static synchronized MockOAuth2Server get() {
        if (server == null) {
            MockOAuth2Server started = new MockOAuth2Server(new OAuth2Config(), new ForgedTokenRoute());
            started.start();
            server = started;
        }
        return server;
    }

    public static String issuer() {
        return get().issuerUrl(ISSUER_ID).toString();
    }

    /** The provider's next token response carries this ID token (and a dummy access token) instead of its own. */
    public static void answerNextTokenRequestWith(String idToken) {
        FORGED_ID_TOKEN.set(idToken);
    }

    /** Serves a forged token response once, when armed; otherwise leaves every request to the server. */
    private static final class ForgedTokenRoute implements Route {

        @Override
        public boolean match(OAuth2HttpRequest request) {
            return FORGED_ID_TOKEN.get() != null && "POST".equals(request.getMethod())
                    && request.getUrl().encodedPath().endsWith("/" + ISSUER_ID + "/token");
        }

        @Override
        public OAuth2HttpResponse invoke(OAuth2HttpRequest request) {
            String idToken = FORGED_ID_TOKEN.getAndSet(null);
            return OAuth2HttpResponseKt.json(Map.of("token_type", "Bearer", "access_token", "forged-access-token",
                    "id_token", idToken, "expires_in", 3600));
        }
    }
}
