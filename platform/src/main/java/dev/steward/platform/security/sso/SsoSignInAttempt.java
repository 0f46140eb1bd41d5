package dev.steward.platform.security.sso;

import java.util.Map;

/**
 * A user the provider has signed in, as Spring Security's OIDC client verified them (signature, issuer, audience,
 * nonce): who they are there and what the ID token and user info say about them.
 *
 * @param providerName the provider's name as the console shows it ("Keycloak")
 * @param source       the address the sign-in came from
 * @param sessionId    the HTTP session signing in (kept when the user's other sessions end)
 */
public record SsoSignInAttempt(String providerName, String issuer, String subject, Map<String, Object> claims,
                               String source, String sessionId) {

    public SsoSignInAttempt {
        claims = claims == null ? Map.of() : claims;
    }
}
