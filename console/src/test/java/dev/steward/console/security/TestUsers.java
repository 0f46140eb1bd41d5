package dev.steward.console.security;

import dev.steward.platform.security.PlatformPermissions;
import dev.steward.platform.security.Role;
import dev.steward.platform.security.UserAccount;
import dev.steward.platform.security.UserAccountService;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

import java.util.EnumSet;
import java.util.List;
import java.util.function.Supplier;

/** Does what an administrator does on the Users page, outside any HTTP request. */
final class TestUsers {

    private final UserAccountService users;

    /**
     * Vaadin installs its own security context strategy globally when a context starts; with several cached test
     * contexts in one JVM, point the global holder back at this context's (the one its method security reads).
     */
    TestUsers(ApplicationContext context) {
        context.getBeanProvider(SecurityContextHolderStrategy.class).ifAvailable(SecurityContextHolder::setContextHolderStrategy);
        this.users = context.getBean(UserAccountService.class);
    }

    <T> T asAdmin(Supplier<T> work) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "setup-admin", null, List.of(new SimpleGrantedAuthority(PlatformPermissions.USERS_MANAGE))));
        try {
            return work.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** A new user with a one-time password; returns it. */
    String create(String username, Role role) {
        return asAdmin(() -> users.create(username, username, null, EnumSet.of(role)));
    }

    /** A new user who has chosen their own password. */
    void createWithPassword(String username, Role role, String password) {
        String oneTime = create(username, role);
        changeOwnPassword(username, oneTime, password);
    }

    void changeOwnPassword(String username, String current, String next) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(username, null, List.of()));
        try {
            users.changeOwnPassword(username, current, next);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    UserAccount find(String username) {
        return asAdmin(() -> users.list().stream().filter(u -> u.username().equals(username)).findFirst().orElseThrow());
    }
}
