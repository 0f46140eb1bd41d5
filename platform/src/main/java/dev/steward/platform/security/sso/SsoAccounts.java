package dev.steward.platform.security.sso;

import dev.steward.platform.audit.AuditEvent;
import dev.steward.platform.audit.AuditOrigin;
import dev.steward.platform.audit.AuditTrail;
import dev.steward.platform.db.generated.tables.records.AppUserRecord;
import dev.steward.platform.security.AccountSecurityChanged;
import dev.steward.platform.security.PlatformPermissions;
import dev.steward.platform.security.Role;
import dev.steward.platform.security.UserRoles;
import dev.steward.platform.security.SignInAudit;
import dev.steward.platform.security.SignInThrottle;
import dev.steward.platform.security.sso.SsoSignInRefusedException.Reason;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static dev.steward.platform.db.generated.Tables.APP_USER;

/**
 * Single sign-on users: the first sign-in through a provider creates the Steward user (if {@code steward.sso.create-users}),
 * linked to the provider's issuer and the user's subject there; every sign-in syncs the user's roles from their
 * groups. A local account is never taken over by a provider's user of the same name, a deactivated user stays out, and
 * a user whose groups give no role is refused (as Grafana does with {@code role_attribute_strict}): no account is made
 * for them, and a known user's roles are removed first. Every refusal is audited and logged.
 */
@Service
public class SsoAccounts {

    private static final Logger log = LoggerFactory.getLogger(SsoAccounts.class);
    private static final Pattern USERNAME = Pattern.compile("[a-zA-Z0-9._@-]{2,100}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final DSLContext dsl;
    private final TransactionTemplate transaction;
    private final PasswordEncoder passwordEncoder;
    private final AuditTrail audit;
    private final SignInAudit signInAudit;
    private final SignInThrottle throttle;
    private final ApplicationEventPublisher events;
    private final SsoSettings settings;
    private final RoleMapping mapping;
    private final UserRoles roles;

    public SsoAccounts(DSLContext dsl, PlatformTransactionManager transactions, PasswordEncoder passwordEncoder,
                       AuditTrail audit, SignInAudit signInAudit, SignInThrottle throttle, ApplicationEventPublisher events,
                       SsoSettings settings) {
        this.dsl = dsl;
        this.transaction = new TransactionTemplate(transactions);
        this.passwordEncoder = passwordEncoder;
        this.audit = audit;
        this.signInAudit = signInAudit;
        this.throttle = throttle;
        this.events = events;
        this.settings = settings;
        this.mapping = new RoleMapping(settings);
        this.roles = new UserRoles(dsl, audit);
    }

    /** Signs the provider's user in to Steward; returns their Steward user name, or throws why not. */
    public String signIn(SsoSignInAttempt attempt) {
        Set<Role> mapped = mapping.rolesOf(attempt.claims());
        Outcome outcome;
        try {
            outcome = transaction.execute(status -> provision(attempt, mapped));
        } catch (DataIntegrityViolationException simultaneous) {
            // the same user's other sign-in created the account a moment ago: this one now finds it linked
            outcome = transaction.execute(status -> provision(attempt, mapped));
        }
        if (outcome.refusal() != null) {
            refused(attempt, outcome);
            throw outcome.refusal();
        }
        return outcome.username();
    }

    /** Users who sign in through a provider, by user id: the provider's name. */
    @PreAuthorize("hasAuthority('" + PlatformPermissions.USERS_MANAGE + "')")
    @Transactional(readOnly = true)
    public Map<Long, String> providersByUser() {
        return dsl.select(APP_USER.ID, APP_USER.IDENTITY_PROVIDER).from(APP_USER).where(APP_USER.IDENTITY_ISSUER.isNotNull())
                .fetchMap(APP_USER.ID, APP_USER.IDENTITY_PROVIDER);
    }

    private Outcome provision(SsoSignInAttempt attempt, Set<Role> mapped) {
        AppUserRecord user = dsl.selectFrom(APP_USER).where(APP_USER.IDENTITY_ISSUER.eq(attempt.issuer()))
                .and(APP_USER.IDENTITY_SUBJECT.eq(attempt.subject())).forUpdate().fetchOne();
        if (user == null) {
            return create(attempt, mapped);
        }
        String username = user.getUsername();
        return AuditOrigin.runAs(AuditOrigin.current(username), () -> {
            if (!user.getActive()) {
                return Outcome.refused(username, Reason.DEACTIVATED,
                        "Your Steward account is deactivated. Ask an administrator if you need access again.");
            }
            refreshProfile(user, attempt);
            if (roles.replace(user.getId(), mapped, "groups at " + attempt.providerName())) {
                events.publishEvent(new AccountSecurityChanged(username, AccountSecurityChanged.Change.ROLES_CHANGED, attempt.sessionId()));
            }
            if (mapped.isEmpty()) {
                return noRole(username, attempt);
            }
            signedIn(username, attempt);
            return Outcome.signedIn(username);
        });
    }

    private Outcome create(SsoSignInAttempt attempt, Set<Role> mapped) {
        String username = usernameOf(attempt);
        if (username == null) {
            return Outcome.refused(attempt.subject(), Reason.UNUSABLE_NAME, attempt.providerName()
                    + " sent no user name Steward can use (2 to 100 letters, digits or . _ @ -). Ask an administrator.");
        }
        if (mapped.isEmpty()) {
            return noRole(username, attempt);
        }
        if (!settings.createUsers()) {
            return Outcome.refused(username, Reason.NOT_PROVISIONED, "No Steward account is linked to your "
                    + attempt.providerName() + " sign-in, and Steward creates none at sign-in here. Ask an administrator.");
        }
        if (dsl.fetchExists(APP_USER, APP_USER.USERNAME.equalIgnoreCase(username))) {
            log.warn("Refused the {} sign-in of {} (issuer {}): the user name '{}' belongs to an existing account, which is "
                    + "not linked to it and is not taken over", attempt.providerName(), attempt.subject(), attempt.issuer(), username);
            return Outcome.refused(username, Reason.NAME_TAKEN, "A Steward account named '" + username
                    + "' already exists and is not linked to your " + attempt.providerName()
                    + " sign-in, so it was not used. Ask an administrator.");
        }
        return AuditOrigin.runAs(AuditOrigin.current(username), () -> {
            AppUserRecord user = dsl.newRecord(APP_USER);
            user.setUsername(username);
            user.setDisplayName(displayNameOf(attempt, username));
            user.setEmail(emailOf(attempt));
            user.setPasswordHash(passwordEncoder.encode(unknowableSecret()));
            user.setMustChangePassword(false);
            user.setIdentityIssuer(attempt.issuer());
            user.setIdentitySubject(attempt.subject());
            user.setIdentityProvider(limit(attempt.providerName(), 100));
            user.store();
            roles.replace(user.getId(), mapped, "groups at " + attempt.providerName());
            log.info("Created the Steward user {} at their first {} sign-in, with roles {}", username, attempt.providerName(), mapped);
            signedIn(username, attempt);
            return Outcome.signedIn(username);
        });
    }

    private static Outcome noRole(String username, SsoSignInAttempt attempt) {
        return Outcome.refused(username, Reason.NO_MAPPED_ROLE, "You are signed in at " + attempt.providerName()
                + ", but none of your groups there gives access to Steward yet. Ask an administrator to add you to one, then sign in again.");
    }

    /** Name and email follow the provider; the user name stays what it was (sessions and the audit log use it). */
    private void refreshProfile(AppUserRecord user, SsoSignInAttempt attempt) {
        user.setDisplayName(displayNameOf(attempt, user.getUsername()));
        user.setEmail(emailOf(attempt));
        user.setIdentityProvider(limit(attempt.providerName(), 100));
        if (user.changed()) {
            user.setVersion(user.getVersion() + 1);
            user.store();
        }
    }

    private void signedIn(String username, SsoSignInAttempt attempt) {
        throttle.succeeded(username, attempt.source()); // last sign-in time and known source, as a password sign-in
        audit.record(AuditEvent.of("platform", "session", username, "LOGIN").actor(username)
                .after(Map.of("channel", "sso", "provider", attempt.providerName())));
    }

    private void refused(SsoSignInAttempt attempt, Outcome outcome) {
        if (outcome.refusal().reason() != Reason.NAME_TAKEN) {
            log.info("Refused the {} sign-in of {} ({}): {}", attempt.providerName(), outcome.username(),
                    outcome.refusal().reason(), outcome.refusal().getMessage());
        }
        signInAudit.count(SignInAudit.Kind.SIGN_IN_FAILED, outcome.username(), attempt.source(), Map.of(
                "outcome", outcome.refusal().reason().name().toLowerCase(), "channel", "sso",
                "provider", attempt.providerName(), "issuer", attempt.issuer(), "subject", attempt.subject()));
    }

    private String usernameOf(SsoSignInAttempt attempt) {
        for (String claim : new String[]{settings.usernameClaim(), "email", "sub"}) {
            Object value = RoleMapping.claim(attempt.claims(), claim);
            if (value instanceof String name && USERNAME.matcher(name.strip()).matches()) {
                return name.strip();
            }
        }
        return null;
    }

    private static String displayNameOf(SsoSignInAttempt attempt, String username) {
        Object name = attempt.claims().get("name");
        if (name instanceof String full && !full.isBlank()) {
            return limit(full.strip(), 200);
        }
        String given = attempt.claims().get("given_name") instanceof String g ? g.strip() : "";
        String family = attempt.claims().get("family_name") instanceof String f ? f.strip() : "";
        String joined = (given + " " + family).strip();
        return limit(joined.isEmpty() ? username : joined, 200);
    }

    private static String emailOf(SsoSignInAttempt attempt) {
        return attempt.claims().get("email") instanceof String email && email.length() <= 254 && EMAIL.matcher(email.strip()).matches()
                ? email.strip() : null;
    }

    private static String limit(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length);
    }

    /** A password nobody is told: the hash column needs one, and no password may sign a provider's user in. */
    private static String unknowableSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    private record Outcome(String username, SsoSignInRefusedException refusal) {

        static Outcome signedIn(String username) {
            return new Outcome(username, null);
        }

        static Outcome refused(String username, Reason reason, String message) {
            return new Outcome(username, new SsoSignInRefusedException(reason, message));
        }
    }
}
