package dev.steward.console.sso;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;

import java.util.Collection;
import java.util.Objects;

/**
 * A provider's user as Steward knows them: named by their Steward user name (sessions, the audit log and
 * {@code CurrentUser} go by it) and holding a local user's authorities.
 */
final class StewardOidcUser extends DefaultOidcUser {

    private final String username;

    StewardOidcUser(Collection<? extends GrantedAuthority> authorities, OidcIdToken idToken, OidcUserInfo userInfo, String username) {
        super(authorities, idToken, userInfo);
        this.username = username;
    }

    @Override
    public String getName() {
        return username;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StewardOidcUser user && super.equals(other) && username.equals(user.username);
    }

    @Override
    public int hashCode() {
        return Objects.hash(super.hashCode(), username);
    }
}
