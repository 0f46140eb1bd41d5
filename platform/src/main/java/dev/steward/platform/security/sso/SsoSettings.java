package dev.steward.platform.security.sso;

import dev.steward.platform.security.Role;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.List;
import java.util.Map;

/**
 * How users of an OpenID Connect provider become Steward users ({@code steward.sso.*}); the providers themselves are
 * Spring Security's {@code spring.security.oauth2.client.*} registrations.
 *
 * @param groupsClaim   the claim listing the user's groups (or roles); a dotted path reaches into an object
 *                      ({@code realm_access.roles})
 * @param usernameClaim the claim a new user's Steward user name is taken from; {@code email}, then {@code sub}, if
 *                      it is missing or not a usable name
 * @param createUsers   whether a first sign-in creates the user; if not, only users linked before may sign in
 * @param roleMapping   for each role, the groups that give it ({@code steward.sso.role-mapping.ADMIN=steward-admins})
 */
@ConfigurationProperties("steward.sso")
public record SsoSettings(@DefaultValue("groups") String groupsClaim,
                          @DefaultValue("preferred_username") String usernameClaim,
                          @DefaultValue("true") boolean createUsers,
                          Map<Role, List<String>> roleMapping) {

    public SsoSettings {
        roleMapping = roleMapping == null ? Map.of() : Map.copyOf(roleMapping);
    }
}
