package dev.steward.console.mfa;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.vaadin.flow.server.VaadinServletRequest;
import dev.steward.platform.security.PlatformPermissions;
import dev.steward.platform.security.Role;
import dev.steward.platform.security.SignInAuthentication;
import dev.steward.platform.security.UserAccountService;
import dev.steward.platform.security.mfa.Base32;
import dev.steward.platform.security.mfa.MfaService;
import dev.steward.platform.security.mfa.Totp;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Supplier;

/**
 * Users with a password of their own, two-factor authentication set up through the real service, codes of their
 * authenticator "app" (never the same step twice, as the service demands), and the console's real password
 * sign-in as the login filter runs it.
 */
public final class MfaTestSupport {

    /** The production default, which the rest of the suite turns off (src/test/resources/config/application.properties). */
    public static final String PRODUCTION_REQUIRED_ROLES = "steward.security.mfa.required-roles=ADMIN,PRIVACY_OFFICER";

    private final ApplicationContext context;
    private final UserAccountService users;
    private final MfaService mfa;

    public MfaTestSupport(ApplicationContext context) {
        context.getBeanProvider(SecurityContextHolderStrategy.class).ifAvailable(SecurityContextHolder::setContextHolderStrategy);
        this.context = context;
        this.users = context.getBean(UserAccountService.class);
        this.mfa = context.getBean(MfaService.class);
    }

    /** The authenticator app of one user: the secret and the last step it gave a code for. */
    public static final class App {
        private final byte[] key;
        private long lastStep;

        public App(String base32Secret) {
            this.key = Base32.decode(base32Secret);
        }

        /** The code of the next step not used yet, within the window the console accepts. */
        public String nextCode() {
            long now = Totp.stepAt(Instant.now());
            lastStep = Math.max(lastStep + 1, now - 1);
            if (lastStep > now + 1) {
                throw new IllegalStateException("no unused step left in the window: the test used too many codes at once");
            }
            return Totp.code(key, lastStep);
        }

        /** The code this app gave last (to replay it). */
        public String lastCode() {
            return Totp.code(key, lastStep);
        }
    }

    public void createUser(String username, Role role, String password) {
        String oneTime = asAdmin(() -> users.create(username, username, null, EnumSet.of(role)));
        as(username, () -> {
            users.changeOwnPassword(username, oneTime, password);
            return null;
        });
    }

    /** Sets up two-factor authentication for the user; returns their app and recovery codes. */
    public Enrolled enrol(String username) {
        return as(username, () -> {
            App app = new App(mfa.startEnrolment(username).secret());
            List<String> codes = mfa.confirmEnrolment(username, app.nextCode());
            return new Enrolled(app, codes);
        });
    }

    public record Enrolled(App app, List<String> recoveryCodes) {
    }

    /** The console's password sign-in (throttled, audited), from this address, as the login filter calls it. */
    public Authentication passwordSignIn(String username, String password, String from) {
        var attempt = UsernamePasswordAuthenticationToken.unauthenticated(username, password);
        attempt.setDetails(new WebAuthenticationDetails(from, null));
        return context.getBean(SignInAuthentication.class).forConsole().authenticate(attempt);
    }

    /** As the login filter does in a Karibu UI: the sign-in's authentication becomes the session's. */
    public static void becomeSessionOf(Authentication authentication) {
        SecurityContextHolder.getContext().setAuthentication(authentication);
        var request = (FakeRequest) VaadinServletRequest.getCurrent().getRequest();
        request.setUserPrincipalInt(authentication);
        request.setUserInRole((principal, role) -> SecurityContextHolder.getContext().getAuthentication().getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals("ROLE_" + role)));
    }

    public <T> T asAdmin(Supplier<T> work) {
        return as(UsernamePasswordAuthenticationToken.authenticated("setup-admin", null,
                List.of(new SimpleGrantedAuthority(PlatformPermissions.USERS_MANAGE))), work);
    }

    public <T> T as(String username, Supplier<T> work) {
        return as(UsernamePasswordAuthenticationToken.authenticated(username, null, List.of()), work);
    }

    private static <T> T as(Authentication authentication, Supplier<T> work) {
        var previous = SecurityContextHolder.getContext().getAuthentication();
        SecurityContextHolder.getContext().setAuthentication(authentication);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.getContext().setAuthentication(previous);
        }
    }
}
