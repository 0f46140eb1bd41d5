package dev.steward.console.sso;

import dev.steward.platform.security.StewardUserDetailsService;
import dev.steward.platform.security.sso.SsoAccounts;
import dev.steward.platform.security.sso.SsoSignInAttempt;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * After Spring Security has verified the provider's ID token (signature, issuer, audience, nonce, expiry) and read the
 * user info: links or creates the Steward user ({@link SsoAccounts}) and gives the session the same authorities a
 * local user of those roles gets, so {@code @PreAuthorize} and the views work unchanged.
 */
@Component
class StewardOidcUserService implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private final OidcUserService provider = new OidcUserService();
    private final SsoAccounts accounts;
    private final StewardUserDetailsService users;

    StewardOidcUserService(SsoAccounts accounts, StewardUserDetailsService users) {
        this.accounts = accounts;
        this.users = users;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser verified = provider.loadUser(request);
        String source = null;
        String sessionId = null;
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            source = attributes.getRequest().getRemoteAddr();
            var session = attributes.getRequest().getSession(false);
            sessionId = session == null ? null : session.getId();
        }
        String username = accounts.signIn(new SsoSignInAttempt(request.getClientRegistration().getClientName(),
                verified.getIdToken().getIssuer().toString(), verified.getSubject(), verified.getClaims(), source, sessionId));
        return new StewardOidcUser(users.loadUserByUsername(username).getAuthorities(), verified.getIdToken(),
                verified.getUserInfo(), username);
    }
}
