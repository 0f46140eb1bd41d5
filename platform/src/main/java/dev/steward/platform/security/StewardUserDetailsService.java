package dev.steward.platform.security;

import org.jooq.DSLContext;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.List;

import static dev.steward.platform.db.generated.Tables.APP_USER;

/**
 * Loads users from {@code platform.app_user}. Authorities are the user's roles ({@code ROLE_X}) plus every
 * permission those roles hold, so services check {@code hasAuthority('incidents.read')}. Repeated failures are slowed
 * by {@link SignInThrottle}, never by locking the account (the old lock columns of {@code app_user} are unused).
 */
@Service
public class StewardUserDetailsService implements UserDetailsService {

    private final DSLContext dsl;
    private final PermissionCatalog permissions;

    public StewardUserDetailsService(DSLContext dsl, PermissionCatalog permissions) {
        this.dsl = dsl;
        this.permissions = permissions;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        var row = dsl.select(APP_USER.asterisk(), UserAccountService.rolesField()).from(APP_USER)
                .where(APP_USER.USERNAME.eq(username)).fetchOptional()
                .orElseThrow(() -> new UsernameNotFoundException("No user " + username));
        UserAccount account = UserAccountService.toAccount(row);
        List<SimpleGrantedAuthority> authorities = new ArrayList<>();
        account.roles().forEach(role -> authorities.add(new SimpleGrantedAuthority(role.authority())));
        permissions.permissionsOf(account.roles()).forEach(p -> authorities.add(new SimpleGrantedAuthority(p)));
        return User.withUsername(account.username())
                .password(row.get(APP_USER.PASSWORD_HASH))
                .disabled(!account.active())
                // a one-time password is expired credentials: refused on the API, only a password change in the console
                .credentialsExpired(account.mustChangePassword())
                .authorities(authorities)
                .build();
    }
}
