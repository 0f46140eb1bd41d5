package dev.steward.platform.security;

import dev.steward.platform.audit.AuditEvent;
import dev.steward.platform.audit.AuditTrail;
import dev.steward.platform.db.generated.tables.records.AppUserRecord;
import dev.steward.platform.security.AccountSecurityChanged.Change;
import dev.steward.platform.validation.ConcurrentChangeException;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static dev.steward.platform.db.generated.Tables.APP_USER;
import static dev.steward.platform.db.generated.Tables.USER_ROLE;
import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.select;

/**
 * Console users: the admin's operations (checked by permission) and the user's own password change. Deactivating a
 * user, changing their roles or resetting their password ends their open sessions, once the change has committed
 * ({@link AccountSecurityChanged}); users changing their own password keep the session they did it in.
 */
@Service
public class UserAccountService {

    private static final Pattern USERNAME = Pattern.compile("[a-zA-Z0-9._@-]{2,100}");
    /** The advisory lock key that serialises first-admin creation across consoles ("STEWARD1" in ASCII). */
    private static final long FIRST_ADMIN_LOCK = 0x5354455741524431L;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final DSLContext dsl;
    private final PasswordEncoder passwordEncoder;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;

    public UserAccountService(DSLContext dsl, PasswordEncoder passwordEncoder, AuditTrail audit, ApplicationEventPublisher events) {
        this.dsl = dsl;
        this.passwordEncoder = passwordEncoder;
        this.audit = audit;
        this.events = events;
    }

    @PreAuthorize("hasAuthority('" + PlatformPermissions.USERS_MANAGE + "')")
    @Transactional(readOnly = true)
    public List<UserAccount> list() {
        return dsl.select(APP_USER.asterisk(), rolesField()).from(APP_USER).orderBy(APP_USER.USERNAME)
                .fetch(UserAccountService::toAccount);
    }

    /** Creates a user with a one-time password they must change at first login; returns that password. */
    @PreAuthorize("hasAuthority('" + PlatformPermissions.USERS_MANAGE + "')")
    @Transactional
    public String create(String username, String displayName, String email, Set<Role> roles) {
        String password = PasswordPolicy.generate();
        insert(username, displayName, email, roles, password, true);
        return password;
    }

    /**
     * Creates a user with a password chosen by the caller that needs no change at first sign-in: the sample users of a
     * demo install, whose known password the sign-in page shows. Not exposed to the UI.
     */
    @PreAuthorize("hasAuthority('" + PlatformPermissions.USERS_MANAGE + "')")
    @Transactional
    public void createWithPassword(String username, String displayName, String email, Set<Role> roles, String password) {
        insert(username, displayName, email, roles, password, false);
    }

    /** Used at first start, before anybody can log in; not exposed to the UI. */
    @Transactional
    public void createInitialAdmin(String username, String password, boolean mustChange) {
        insert(username, "Administrator", null, EnumSet.of(Role.ADMIN), password, mustChange);
    }

    /**
     * Creates the first administrator unless a user exists, safe against consoles starting at the same moment on one
     * database: they queue on a transaction-scoped advisory lock and re-check, so exactly one creates it.
     * {@code whenCreated} runs in the same transaction (a failure there undoes the creation). Returns whether this
     * call created it.
     */
    @Transactional
    public boolean createFirstAdminIfNone(String username, String password, boolean mustChange, Runnable whenCreated) {
        dsl.execute("select pg_advisory_xact_lock(?)", FIRST_ADMIN_LOCK);
        if (dsl.fetchExists(APP_USER)) {
            return false;
        }
        insert(username, "Administrator", null, EnumSet.of(Role.ADMIN), password, mustChange);
        whenCreated.run();
        return true;
    }

    @Transactional(readOnly = true)
    public boolean anyUserExists() {
        return dsl.fetchExists(APP_USER);
    }

    private void insert(String username, String displayName, String email, Set<Role> roles, String password, boolean mustChange) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new IllegalArgumentException("User name must be 2 to 100 letters, digits or . _ @ -");
        }
        if (displayName == null || displayName.isBlank()) {
            throw new IllegalArgumentException("Name is required");
        }
        if (email != null && !email.isBlank() && !EMAIL.matcher(email).matches()) {
            throw new IllegalArgumentException("'" + email + "' is not an email address");
        }
        if (roles == null || roles.isEmpty()) {
            throw new IllegalArgumentException("Give the user at least one role");
        }
        if (dsl.fetchExists(APP_USER, APP_USER.USERNAME.equalIgnoreCase(username))) {
            throw new IllegalArgumentException("The user name '" + username + "' is taken");
        }
        PasswordPolicy.check(username, password);
        AppUserRecord user = dsl.newRecord(APP_USER);
        user.setUsername(username);
        user.setDisplayName(displayName.trim());
        user.setEmail(email == null || email.isBlank() ? null : email.trim());
        user.setPasswordHash(passwordEncoder.encode(password));
        user.setMustChangePassword(mustChange);
        user.store();
        replaceRoles(user.getId(), roles);
    }

    @PreAuthorize("hasAuthority('" + PlatformPermissions.USERS_MANAGE + "')")
    @Transactional
    public void update(long id, int expectedVersion, String displayName, String email, Set<Role> roles) {
        if (roles == null || roles.isEmpty()) {
            throw new IllegalArgumentException("Give the user at least one role");
        }
        AppUserRecord user = lockedForUpdate(id, expectedVersion);
        if (!roles.contains(Role.ADMIN) && isLastActiveAdmin(user)) {
            throw new IllegalArgumentException("This is the last active administrator; give another user the ADMIN role first");
        }
        user.setDisplayName(displayName.trim());
        user.setEmail(email == null || email.isBlank() ? null : email.trim());
        user.setVersion(user.getVersion() + 1);
        user.store();
        if (replaceRoles(id, roles)) {
            events.publishEvent(new AccountSecurityChanged(user.getUsername(), Change.ROLES_CHANGED, null));
        }
    }

    @PreAuthorize("hasAuthority('" + PlatformPermissions.USERS_MANAGE + "')")
    @Transactional
    public void setActive(long id, int expectedVersion, boolean active) {
        AppUserRecord user = lockedForUpdate(id, expectedVersion);
        if (!active && isLastActiveAdmin(user)) {
            throw new IllegalArgumentException("This is the last active administrator and cannot be deactivated");
        }
        user.setActive(active);
        user.setVersion(user.getVersion() + 1);
        user.store();
        if (!active) {
            events.publishEvent(new AccountSecurityChanged(user.getUsername(), Change.DEACTIVATED, null));
        }
    }

    /** Sets a new one-time password and returns it, to hand to the user; the user's open sessions end. */
    @PreAuthorize("hasAuthority('" + PlatformPermissions.USERS_MANAGE + "')")
    @Transactional
    public String resetPassword(long id, int expectedVersion) {
        AppUserRecord user = lockedForUpdate(id, expectedVersion);
        if (user.getIdentityIssuer() != null) {
            throw new IllegalArgumentException(user.getUsername() + " signs in through " + user.getIdentityProvider()
                    + " and has no password here; their password is managed there");
        }
        String password = PasswordPolicy.generate();
        user.setPasswordHash(passwordEncoder.encode(password));
        user.setMustChangePassword(true);
        user.setVersion(user.getVersion() + 1);
        user.store();
        events.publishEvent(new AccountSecurityChanged(user.getUsername(), Change.PASSWORD_RESET, null));
        return password;
    }

    /**
     * Signs the user out everywhere, on every console (a lost laptop, a shared screen): their open sessions end, the
     * account stays as it is. An administrator ending their own sessions keeps the one they are using.
     */
    @PreAuthorize("hasAuthority('" + PlatformPermissions.USERS_MANAGE + "')")
    @Transactional
    public void endSessions(long id) {
        String username = dsl.select(APP_USER.USERNAME).from(APP_USER).where(APP_USER.ID.eq(id)).fetchOptional(APP_USER.USERNAME)
                .orElseThrow(() -> new IllegalArgumentException("User " + id + " does not exist"));
        audit.record(AuditEvent.of("platform", "app_user", String.valueOf(id), "SESSIONS_ENDED").after(Map.of("user", username)));
        boolean self = CurrentUser.username().filter(username::equals).isPresent();
        events.publishEvent(new AccountSecurityChanged(username, Change.SESSIONS_ENDED, self ? currentSessionId() : null));
    }

    /** The logged-in user changes their own password; their other sessions end, this one stays. */
    @PreAuthorize("isAuthenticated() and #username == authentication.name")
    @Transactional
    public void changeOwnPassword(String username, String currentPassword, String newPassword) {
        AppUserRecord user = dsl.fetchOptional(APP_USER, APP_USER.USERNAME.eq(username))
                .orElseThrow(() -> new IllegalArgumentException("Unknown user"));
        if (!passwordEncoder.matches(currentPassword, user.getPasswordHash())) {
            throw new IllegalArgumentException("The current password is not correct");
        }
        if (currentPassword.equals(newPassword)) {
            throw new IllegalArgumentException("The new password must differ from the current one");
        }
        PasswordPolicy.check(username, newPassword);
        user.setPasswordHash(passwordEncoder.encode(newPassword));
        user.setMustChangePassword(false);
        user.setVersion(user.getVersion() + 1);
        user.store();
        events.publishEvent(new AccountSecurityChanged(username, Change.OWN_PASSWORD_CHANGED, currentSessionId()));
    }

    private static String currentSessionId() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            var session = attributes.getRequest().getSession(false);
            return session == null ? null : session.getId();
        }
        return null;
    }

    @Transactional(readOnly = true)
    public boolean mustChangePassword(String username) {
        return dsl.select(APP_USER.MUST_CHANGE_PASSWORD).from(APP_USER).where(APP_USER.USERNAME.eq(username))
                .fetchOptional(APP_USER.MUST_CHANGE_PASSWORD).orElse(false);
    }

    private AppUserRecord lockedForUpdate(long id, int expectedVersion) {
        AppUserRecord user = dsl.selectFrom(APP_USER).where(APP_USER.ID.eq(id)).forUpdate().fetchOptional()
                .orElseThrow(() -> new IllegalArgumentException("User " + id + " does not exist"));
        if (user.getVersion() != expectedVersion) {
            throw new ConcurrentChangeException("Someone else changed this user in the meantime; reload and try again");
        }
        return user;
    }

    private boolean isLastActiveAdmin(AppUserRecord user) {
        boolean isAdmin = dsl.fetchExists(USER_ROLE, USER_ROLE.USER_ID.eq(user.getId()).and(USER_ROLE.ROLE.eq(Role.ADMIN.name())));
        int activeAdmins = dsl.fetchCount(dsl.select(APP_USER.ID).from(APP_USER).join(USER_ROLE).on(USER_ROLE.USER_ID.eq(APP_USER.ID))
                .where(APP_USER.ACTIVE.isTrue()).and(USER_ROLE.ROLE.eq(Role.ADMIN.name())));
        return isAdmin && user.getActive() && activeAdmins <= 1;
    }

    private boolean replaceRoles(long userId, Collection<Role> roles) {
        return new UserRoles(dsl, audit).replace(userId, roles, null);
    }

    static org.jooq.Field<java.util.List<String>> rolesField() {
        return multiset(select(USER_ROLE.ROLE).from(USER_ROLE).where(USER_ROLE.USER_ID.eq(APP_USER.ID)))
                .as("roles").convertFrom(r -> r.map(org.jooq.Record1::value1));
    }

    static UserAccount toAccount(Record r) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        r.get("roles", List.class).forEach(role -> roles.add(Role.valueOf((String) role)));
        return new UserAccount(r.get(APP_USER.ID), r.get(APP_USER.USERNAME), r.get(APP_USER.DISPLAY_NAME),
                r.get(APP_USER.EMAIL), roles, r.get(APP_USER.ACTIVE), r.get(APP_USER.MUST_CHANGE_PASSWORD),
                r.get(APP_USER.LAST_LOGIN_AT), r.get(APP_USER.VERSION));
    }

    static Instant now() {
        return Instant.now();
    }
}
