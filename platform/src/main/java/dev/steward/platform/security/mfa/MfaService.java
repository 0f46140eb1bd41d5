package dev.steward.platform.security.mfa;

import dev.steward.platform.audit.AuditEvent;
import dev.steward.platform.audit.AuditTrail;
import dev.steward.platform.security.PlatformPermissions;
import dev.steward.platform.security.Role;
import dev.steward.platform.security.SecondFactor;
import dev.steward.platform.security.SecretBox;
import dev.steward.platform.security.SignInAudit;
import dev.steward.platform.security.SignInThrottle;
import dev.steward.platform.security.SignInThrottledException;
import dev.steward.platform.security.UserAccountService;
import org.jooq.DSLContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import static dev.steward.platform.db.generated.Tables.APP_USER;
import static dev.steward.platform.db.generated.Tables.USER_MFA;
import static dev.steward.platform.db.generated.Tables.USER_MFA_RECOVERY_CODE;
import static dev.steward.platform.db.generated.Tables.USER_ROLE;

/**
 * Two-factor authentication of local accounts: setting it up (a TOTP secret, sealed with {@link SecretBox}, confirmed
 * with a first code; then ten recovery codes, shown once and stored as bcrypt hashes), the second sign-in step, new
 * recovery codes, turning it off, and an administrator's reset. Holders of the roles named by
 * {@code steward.security.mfa.required-roles} must set it up before anything else. Wrong codes count against the
 * same sign-in throttle as wrong passwords (so 5 wrong codes make that account wait there too) and are audited;
 * the writes are set-based and audited by hand as one entry each, so no hash or secret reaches the audit log.
 */
@Service
public class MfaService implements SecondFactor {

    static final String ISSUER = "Steward";
    public static final String WRONG_CODE = "That code is not right. Enter the 6-digit code your authenticator app shows now, or a recovery code.";
    public static final String ENTER_CODE = "Enter the 6-digit code your authenticator app shows, or a recovery code.";
    public static final String WRONG_TOTP = "That code is not right. Enter the 6-digit code your authenticator app shows now.";
    private static final String SELF = "isAuthenticated() and #username == authentication.name";
    private static final int SECRET_BYTES = 20;

    private final SecureRandom random = new SecureRandom();
    private final DSLContext dsl;
    private final SecretBox box;
    private final PasswordEncoder encoder;
    private final SignInThrottle throttle;
    private final SignInAudit signInAudit;
    private final AuditTrail audit;
    private final UserAccountService users;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Set<Role> requiredRoles;

    public MfaService(DSLContext dsl, SecretBox box, PasswordEncoder encoder, SignInThrottle throttle, SignInAudit signInAudit,
                      AuditTrail audit, UserAccountService users, PlatformTransactionManager transactions, ObjectProvider<Clock> clock,
                      @Value("${steward.security.mfa.required-roles:ADMIN,PRIVACY_OFFICER}") List<String> requiredRoles) {
        this.dsl = dsl;
        this.box = box;
        this.encoder = encoder;
        this.throttle = throttle;
        this.signInAudit = signInAudit;
        this.audit = audit;
        this.users = users;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock.getIfUnique(Clock::systemUTC);
        this.requiredRoles = parseRoles(requiredRoles);
    }

    static Set<Role> parseRoles(List<String> names) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : names) {
            if (name.isBlank()) {
                continue;
            }
            try {
                roles.add(Role.valueOf(name.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("steward.security.mfa.required-roles names '" + name.strip()
                        + "', which is no role; the roles are " + List.of(Role.values()), e);
            }
        }
        return roles;
    }

    // ---- what the sign-in asks -------------------------------------------------------------------------------------

    @Override
    @Transactional(readOnly = true)
    public boolean isEnrolled(String username) {
        return dsl.fetchExists(dsl.selectOne().from(USER_MFA).join(APP_USER).on(APP_USER.ID.eq(USER_MFA.USER_ID))
                .where(APP_USER.USERNAME.eq(username)).and(USER_MFA.ENROLLED_AT.isNotNull()));
    }

    @Override
    @Transactional(readOnly = true)
    public boolean mustEnrol(String username, Collection<? extends GrantedAuthority> authorities) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Role role : Role.values()) {
            if (authorities.stream().anyMatch(a -> role.authority().equals(a.getAuthority()))) {
                roles.add(role);
            }
        }
        return requiredBy(roles).isPresent() && !managedByIdentityProvider(username) && !isEnrolled(username);
    }

    /** The first of these roles that requires two-factor authentication, if any. */
    public Optional<Role> requiredBy(Set<Role> roles) {
        return roles.stream().filter(requiredRoles::contains).sorted().findFirst();
    }

    /**
     * Users who sign in through the company's identity provider (single sign-on) get their second factor there, not
     * here: Steward's two-factor authentication is for local accounts only.
     */
    boolean managedByIdentityProvider(String username) {
        return dsl.fetchExists(APP_USER, APP_USER.USERNAME.eq(username).and(APP_USER.IDENTITY_ISSUER.isNotNull()));
    }

    // ---- the user's own ------------------------------------------------------------------------------------------

    @PreAuthorize(SELF)
    @Transactional(readOnly = true)
    public MfaStatus status(String username) {
        long userId = userId(username);
        var row = dsl.selectFrom(USER_MFA).where(USER_MFA.USER_ID.eq(userId)).and(USER_MFA.ENROLLED_AT.isNotNull()).fetchOptional();
        int left = dsl.fetchCount(USER_MFA_RECOVERY_CODE, USER_MFA_RECOVERY_CODE.USER_ID.eq(userId).and(USER_MFA_RECOVERY_CODE.USED_AT.isNull()));
        return new MfaStatus(row.isPresent(), row.map(r -> r.getEnrolledAt()).orElse(null), requiredBy(rolesOf(userId)),
                row.isPresent() ? left : 0, managedByIdentityProvider(username));
    }

    /** A new secret for the user's authenticator app; replaces one shown before but never confirmed. */
    @PreAuthorize(SELF)
    @Transactional
    public MfaEnrolment startEnrolment(String username) {
        long userId = userId(username);
        if (managedByIdentityProvider(username)) {
            throw new IllegalStateException("You sign in through your company's identity provider, which asks for the second factor");
        }
        byte[] key = new byte[SECRET_BYTES];
        random.nextBytes(key);
        String secret = Base32.encode(key);
        String sealed = box.seal(secret);
        Instant now = clock.instant();
        int written = dsl.insertInto(USER_MFA).set(USER_MFA.USER_ID, userId).set(USER_MFA.TOTP_SECRET, sealed)
                .set(USER_MFA.STARTED_AT, now).set(USER_MFA.LAST_USED_STEP, 0L)
                .onConflict(USER_MFA.USER_ID).doUpdate()
                .set(USER_MFA.TOTP_SECRET, sealed).set(USER_MFA.STARTED_AT, now).set(USER_MFA.LAST_USED_STEP, 0L)
                .where(USER_MFA.ENROLLED_AT.isNull())
                .execute();
        if (written == 0) {
            throw new IllegalStateException("Two-factor authentication is already on for you");
        }
        return new MfaEnrolment(username, secret, uri(username, secret));
    }

    static String uri(String username, String secret) {
        String label = URLEncoder.encode(ISSUER + ":" + username, StandardCharsets.UTF_8).replace("+", "%20").replace("%3A", ":");
        return "otpauth://totp/" + label + "?secret=" + secret + "&issuer=" + ISSUER;
    }

    /** Confirms the secret with a code from the app: two-factor authentication is on; returns the recovery codes, shown once. */
    @PreAuthorize(SELF)
    @Transactional
    public List<String> confirmEnrolment(String username, String code) {
        long userId = userId(username);
        var row = dsl.selectFrom(USER_MFA).where(USER_MFA.USER_ID.eq(userId)).forUpdate().fetchOptional()
                .filter(r -> r.getEnrolledAt() == null)
                .orElseThrow(() -> new IllegalStateException("Start setting up two-factor authentication first"));
        OptionalLong step = Totp.matchingStep(key(row.getTotpSecret()), code == null ? null : code.strip(),
                Totp.stepAt(clock.instant()), row.getLastUsedStep());
        if (step.isEmpty()) {
            throw new IllegalArgumentException(WRONG_TOTP + " If it keeps failing, check that your phone's clock is right.");
        }
        dsl.update(USER_MFA).set(USER_MFA.ENROLLED_AT, clock.instant()).set(USER_MFA.LAST_USED_STEP, step.getAsLong())
                .where(USER_MFA.USER_ID.eq(userId)).execute();
        List<String> codes = replaceRecoveryCodes(userId);
        audit.record(AuditEvent.of("platform", "app_user", userId, "MFA_ENABLED").actor(username)
                .after(Map.of("user", username, "recovery_codes", codes.size())));
        return codes;
    }

    /**
     * The second sign-in step: a TOTP code (never one already used) or an unused recovery code (then used up).
     * Refused while the sign-in is throttled; a wrong code counts as a failed sign-in.
     */
    @PreAuthorize(SELF)
    public MfaVerification verifySignIn(String username, String code) {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException(ENTER_CODE); // an empty field is no guess: not counted
        }
        String source = currentSource();
        refuseIfThrottled(username, source);
        long userId = userId(username);
        MfaVerification accepted;
        if (acceptTotp(userId, code)) {
            accepted = new MfaVerification(false, recoveryCodesLeft(userId));
        } else if (acceptRecoveryCode(userId, code)) {
            accepted = new MfaVerification(true, recoveryCodesLeft(userId));
        } else {
            failed(username, source, "sign-in");
            throw new IllegalArgumentException(WRONG_CODE);
        }
        throttle.succeeded(username, source);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("method", accepted.recoveryCode() ? "recovery code" : "authenticator code");
        after.put("recovery_codes_left", accepted.recoveryCodesLeft());
        audit.record(AuditEvent.of("platform", "session", username, "MFA_VERIFIED").actor(username).after(after));
        return accepted;
    }

    /** Ten new recovery codes (the old ones stop working), for a current code from the authenticator app. */
    @PreAuthorize(SELF)
    public List<String> regenerateRecoveryCodes(String username, String totpCode) {
        long userId = enrolledUserId(username);
        String source = currentSource();
        refuseIfThrottled(username, source);
        if (!acceptTotp(userId, totpCode)) {
            failed(username, source, "new recovery codes");
            throw new IllegalArgumentException(WRONG_TOTP);
        }
        return transaction.execute(status -> {
            List<String> codes = replaceRecoveryCodes(userId);
            audit.record(AuditEvent.of("platform", "app_user", userId, "MFA_RECOVERY_CODES_REPLACED").actor(username)
                    .after(Map.of("user", username, "recovery_codes", codes.size())));
            return codes;
        });
    }

    /** Turns two-factor authentication off, for a current code; refused while one of the user's roles requires it. */
    @PreAuthorize(SELF)
    public void turnOff(String username, String code) {
        long userId = enrolledUserId(username);
        Optional<Role> required = requiredBy(rolesOf(userId));
        if (required.isPresent()) {
            throw new IllegalStateException("Your role " + required.get().label()
                    + " requires two-factor authentication, so it cannot be turned off");
        }
        String source = currentSource();
        refuseIfThrottled(username, source);
        if (!acceptTotp(userId, code) && !acceptRecoveryCode(userId, code)) {
            failed(username, source, "turn off");
            throw new IllegalArgumentException(WRONG_CODE);
        }
        transaction.executeWithoutResult(status -> {
            remove(userId);
            audit.record(AuditEvent.of("platform", "app_user", userId, "MFA_DISABLED").actor(username).after(Map.of("user", username)));
        });
    }

    // ---- administrators --------------------------------------------------------------------------------------------

    /** The ids of the users who have two-factor authentication on. */
    @PreAuthorize("hasAuthority('" + PlatformPermissions.USERS_MANAGE + "')")
    @Transactional(readOnly = true)
    public Set<Long> enrolledUsers() {
        return Set.copyOf(dsl.select(USER_MFA.USER_ID).from(USER_MFA).where(USER_MFA.ENROLLED_AT.isNotNull()).fetch(USER_MFA.USER_ID));
    }

    /**
     * For a user who lost their phone and recovery codes: removes their two-factor authentication and ends their
     * sessions. Holders of a role that requires it must set it up again at their next sign-in.
     */
    @PreAuthorize("hasAuthority('" + PlatformPermissions.USERS_MANAGE + "')")
    @Transactional
    public void reset(long userId) {
        String username = dsl.select(APP_USER.USERNAME).from(APP_USER).where(APP_USER.ID.eq(userId)).fetchOptional(APP_USER.USERNAME)
                .orElseThrow(() -> new IllegalArgumentException("User " + userId + " does not exist"));
        boolean wasOn = dsl.fetchExists(USER_MFA, USER_MFA.USER_ID.eq(userId).and(USER_MFA.ENROLLED_AT.isNotNull()));
        remove(userId);
        audit.record(AuditEvent.of("platform", "app_user", userId, "MFA_RESET")
                .before(Map.of("enrolled", wasOn)).after(Map.of("user", username, "enrolled", false)));
        users.endSessions(userId);
    }

    // ---- inside --------------------------------------------------------------------------------------------------

    private boolean acceptTotp(long userId, String code) {
        var row = dsl.selectFrom(USER_MFA).where(USER_MFA.USER_ID.eq(userId)).and(USER_MFA.ENROLLED_AT.isNotNull()).fetchOptional();
        if (row.isEmpty() || code == null) {
            return false;
        }
        OptionalLong step = Totp.matchingStep(key(row.get().getTotpSecret()), code.strip().replace(" ", ""),
                Totp.stepAt(clock.instant()), row.get().getLastUsedStep());
        // the condition makes the step's use once-only, also against a second console checking the same code
        return step.isPresent() && dsl.update(USER_MFA).set(USER_MFA.LAST_USED_STEP, step.getAsLong())
                .where(USER_MFA.USER_ID.eq(userId)).and(USER_MFA.LAST_USED_STEP.lt(step.getAsLong())).execute() == 1;
    }

    private boolean acceptRecoveryCode(long userId, String typed) {
        String code = RecoveryCodes.normalise(typed);
        if (code == null) {
            return false;
        }
        var unused = dsl.select(USER_MFA_RECOVERY_CODE.ID, USER_MFA_RECOVERY_CODE.CODE_SECRET_HASH).from(USER_MFA_RECOVERY_CODE)
                .where(USER_MFA_RECOVERY_CODE.USER_ID.eq(userId)).and(USER_MFA_RECOVERY_CODE.USED_AT.isNull()).fetch();
        for (var row : unused) {
            if (encoder.matches(code, row.value2())) {
                return dsl.update(USER_MFA_RECOVERY_CODE).set(USER_MFA_RECOVERY_CODE.USED_AT, clock.instant())
                        .where(USER_MFA_RECOVERY_CODE.ID.eq(row.value1())).and(USER_MFA_RECOVERY_CODE.USED_AT.isNull()).execute() == 1;
            }
        }
        return false;
    }

    private List<String> replaceRecoveryCodes(long userId) {
        List<String> codes = RecoveryCodes.generate();
        dsl.deleteFrom(USER_MFA_RECOVERY_CODE).where(USER_MFA_RECOVERY_CODE.USER_ID.eq(userId)).execute();
        var insert = dsl.insertInto(USER_MFA_RECOVERY_CODE, USER_MFA_RECOVERY_CODE.USER_ID, USER_MFA_RECOVERY_CODE.CODE_SECRET_HASH);
        for (String code : codes) {
            insert = insert.values(userId, encoder.encode(RecoveryCodes.normalise(code)));
        }
        insert.execute();
        return codes;
    }

    private void remove(long userId) {
        dsl.deleteFrom(USER_MFA_RECOVERY_CODE).where(USER_MFA_RECOVERY_CODE.USER_ID.eq(userId)).execute();
        dsl.deleteFrom(USER_MFA).where(USER_MFA.USER_ID.eq(userId)).execute();
    }

    private void refuseIfThrottled(String username, String source) {
        Optional<Duration> wait = throttle.refusedFor(username, source);
        if (wait.isPresent()) {
            signInAudit.count(SignInAudit.Kind.SIGN_IN_THROTTLED, username, source, Map.of("step", "second factor"));
            throw new SignInThrottledException(wait.get());
        }
    }

    private void failed(String username, String source, String step) {
        throttle.failed(username, source);
        signInAudit.count(SignInAudit.Kind.SECOND_FACTOR_FAILED, username, source, Map.of("step", step));
    }

    private int recoveryCodesLeft(long userId) {
        return dsl.fetchCount(USER_MFA_RECOVERY_CODE, USER_MFA_RECOVERY_CODE.USER_ID.eq(userId).and(USER_MFA_RECOVERY_CODE.USED_AT.isNull()));
    }

    private byte[] key(String sealedSecret) {
        return Base32.decode(box.open(sealedSecret));
    }

    private long userId(String username) {
        return dsl.select(APP_USER.ID).from(APP_USER).where(APP_USER.USERNAME.eq(username)).fetchOptional(APP_USER.ID)
                .orElseThrow(() -> new IllegalArgumentException("Unknown user"));
    }

    private long enrolledUserId(String username) {
        long userId = userId(username);
        if (!dsl.fetchExists(USER_MFA, USER_MFA.USER_ID.eq(userId).and(USER_MFA.ENROLLED_AT.isNotNull()))) {
            throw new IllegalStateException("Two-factor authentication is not on for you");
        }
        return userId;
    }

    private Set<Role> rolesOf(long userId) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        dsl.select(USER_ROLE.ROLE).from(USER_ROLE).where(USER_ROLE.USER_ID.eq(userId)).fetch(USER_ROLE.ROLE)
                .forEach(role -> roles.add(Role.valueOf(role)));
        return roles;
    }

    /** Where the signed-in session came from, as its sign-in recorded it: the throttle's key. */
    private static String currentSource() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : null;
    }
}
