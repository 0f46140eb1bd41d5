package dev.steward.console.security;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import dev.steward.console.ui.UsersAdminTest;
import com.github.mvysny.kaributesting.v10.ContextMenuKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import dev.steward.console.mfa.MfaTestSupport;
import dev.steward.testkit.console.KaribuTest;
import dev.steward.console.ui.admin.UsersView;
import dev.steward.console.ui.audit.AuditLogView;
import dev.steward.console.ui.mfa.MfaEnrolmentView;
import dev.steward.console.ui.mfa.SecondFactorView;
import dev.steward.console.ui.mfa.TwoFactorView;
import dev.steward.console.ui.shell.ChangePasswordView;
import dev.steward.console.ui.shell.DashboardView;
import dev.steward.console.ui.shell.MainLayout;
import dev.steward.platform.security.Role;
import dev.steward.platform.security.SecondFactor;
import dev.steward.platform.security.SignInThrottledException;
import dev.steward.platform.security.UserAccount;
import dev.steward.platform.security.UserAccountService;
import dev.steward.platform.security.mfa.MfaService;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.security.access.AccessDeniedException;

import java.util.List;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static dev.steward.platform.db.generated.Tables.AUDIT_LOG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 13: getting past two-factor authentication without the second factor. */
@TestPropertySource(properties = MfaTestSupport.PRODUCTION_REQUIRED_ROLES)
class MfaAttackTest extends KaribuTest {

    static final String PASSWORD = "correct-horse-battery-staple";

    @Autowired
    UserAccountService users;
    @Autowired
    MfaService mfa;
    @Autowired
    DSLContext dsl;
    MfaTestSupport support;

    @BeforeEach
    void support() {
        support = new MfaTestSupport(context);
    }

    @Test
    void a_session_with_the_password_only_reaches_no_page_but_the_code_page_and_no_service() {
        support.createUser("skip-admin", Role.ADMIN, PASSWORD);
        support.enrol("skip-admin");
        MfaTestSupport.becomeSessionOf(support.passwordSignIn("skip-admin", PASSWORD, "203.0.113.10"));

        for (Class<? extends Component> target : List.of(DashboardView.class, UsersView.class, AuditLogView.class,
                TwoFactorView.class, MfaEnrolmentView.class, ChangePasswordView.class)) {
            UI.getCurrent().navigate(target);
            _get(SecondFactorView.class);
        }
        assertThat(_find(MainLayout.class)).as("no shell: no notifications or search before the code").isEmpty();
        assertThatThrownBy(() -> users.list()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> mfa.enrolledUsers()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> mfa.startEnrolment("skip-admin")).as("cannot swap in an app of their own")
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void a_code_used_once_is_refused_when_replayed() {
        support.createUser("replay-po", Role.PRIVACY_OFFICER, PASSWORD);
        var app = support.enrol("replay-po").app();
        MfaTestSupport.becomeSessionOf(support.passwordSignIn("replay-po", PASSWORD, "203.0.113.11"));
        String code = app.nextCode();
        mfa.verifySignIn("replay-po", code);

        MfaTestSupport.becomeSessionOf(support.passwordSignIn("replay-po", PASSWORD, "203.0.113.99"));
        assertThatThrownBy(() -> mfa.verifySignIn("replay-po", code)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(MfaService.WRONG_CODE);
        assertThat(SecondFactor.codePending(org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication())).isTrue();
        assertThat(dsl.fetchCount(AUDIT_LOG, AUDIT_LOG.ACTION.eq("MFA_FAILED").and(AUDIT_LOG.ENTITY_ID.eq("replay-po")))).isEqualTo(1);
    }

    @Test
    void guessing_codes_is_throttled_after_five_failures_and_signing_in_again_does_not_reset_the_count() {
        support.createUser("guess-admin", Role.ADMIN, PASSWORD);
        var app = support.enrol("guess-admin").app();
        String from = "198.51.100.7";
        MfaTestSupport.becomeSessionOf(support.passwordSignIn("guess-admin", PASSWORD, from));
        for (String guess : List.of("000000", "111111", "222222")) {
            assertThatThrownBy(() -> mfa.verifySignIn("guess-admin", guess)).isInstanceOf(IllegalArgumentException.class);
        }
        MfaTestSupport.becomeSessionOf(support.passwordSignIn("guess-admin", PASSWORD, from)); // a fresh sign-in
        for (String guess : List.of("333333", "444444")) {
            assertThatThrownBy(() -> mfa.verifySignIn("guess-admin", guess)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> mfa.verifySignIn("guess-admin", app.nextCode())).as("even the right code waits")
                .isInstanceOf(SignInThrottledException.class).hasMessageStartingWith("Too many attempts, try again in");
        assertThatThrownBy(() -> support.passwordSignIn("guess-admin", PASSWORD, from)).as("and the password too")
                .isInstanceOf(SignInThrottledException.class);
        assertThat(dsl.fetchCount(AUDIT_LOG, AUDIT_LOG.ACTION.eq("MFA_FAILED").and(AUDIT_LOG.ENTITY_ID.eq("guess-admin"))))
                .as("audited (the first of a window at once, the rest in its summary)").isEqualTo(1);

        // the owner elsewhere is not locked out
        MfaTestSupport.becomeSessionOf(support.passwordSignIn("guess-admin", PASSWORD, "192.0.2.200"));
        mfa.verifySignIn("guess-admin", app.nextCode());
    }

    @Test
    void bad_and_oversized_codes_are_refused_with_the_message_and_change_nothing() {
        support.createUser("odd-input", Role.MANAGER, PASSWORD);
        var enrolled = support.enrol("odd-input");
        MfaTestSupport.becomeSessionOf(support.passwordSignIn("odd-input", PASSWORD, "203.0.113.12"));
        for (String blank : new String[]{null, "", "   "}) {
            assertThatThrownBy(() -> mfa.verifySignIn("odd-input", blank)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(MfaService.ENTER_CODE);
        }
        for (String bad : new String[]{"1".repeat(100_000), "'; drop table platform.user_mfa; --", "１２３４５６"}) {
            assertThatThrownBy(() -> mfa.verifySignIn("odd-input", bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(MfaService.WRONG_CODE);
        }
        assertThat(dsl.fetchCount(AUDIT_LOG, AUDIT_LOG.ACTION.eq("MFA_FAILED").and(AUDIT_LOG.ENTITY_ID.eq("odd-input"))))
                .as("an empty field is no guess; the others are").isEqualTo(1);
        assertThat(mfa.isEnrolled("odd-input")).isTrue();
        mfa.verifySignIn("odd-input", enrolled.recoveryCodes().get(0));
    }

    @Test
    void nobody_but_an_administrator_can_reset_or_change_another_users_two_factor_authentication() {
        support.createUser("victim-po", Role.PRIVACY_OFFICER, PASSWORD);
        var victim = support.enrol("victim-po");
        support.createUser("mallory", Role.MANAGER, PASSWORD);
        long victimId = support.asAdmin(() -> users.list()).stream().filter(u -> u.username().equals("victim-po"))
                .findFirst().map(UserAccount::id).orElseThrow();
        MfaTestSupport.becomeSessionOf(support.passwordSignIn("mallory", PASSWORD, "203.0.113.13"));

        assertThatThrownBy(() -> mfa.reset(victimId)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> mfa.turnOff("victim-po", victim.recoveryCodes().get(0))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> mfa.regenerateRecoveryCodes("victim-po", victim.app().nextCode())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> mfa.startEnrolment("victim-po")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> mfa.confirmEnrolment("victim-po", "123456")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> mfa.verifySignIn("victim-po", victim.app().nextCode())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> mfa.status("victim-po")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> mfa.enrolledUsers()).isInstanceOf(AccessDeniedException.class);
        UI.getCurrent().navigate(UsersView.class);
        assertThat(_find(UsersView.class)).isEmpty();
        assertThat(mfa.isEnrolled("victim-po")).isTrue();

        // an administrator can, on the Users page: audited, and the victim must set it up again
        logout();
        loginAs("root", Role.ADMIN);
        UI.getCurrent().navigate(UsersView.class);
        @SuppressWarnings("unchecked")
        Grid<UserAccount> grid = _get(Grid.class);
        assertThat(mfaState(grid, "victim-po")).isEqualTo("on");
        ContextMenuKt._clickItemWithCaption(UsersAdminTest.actionsMenu("victim-po"), "Reset two-factor");
        _click(_get(Button.class, spec -> spec.withText("Reset")));
        assertThat(mfa.isEnrolled("victim-po")).isFalse();
        assertThat(mfaState(grid, "victim-po")).isEqualTo("off · required");
        assertThat(dsl.select(AUDIT_LOG.ACTION).from(AUDIT_LOG).where(AUDIT_LOG.ENTITY_ID.eq(String.valueOf(victimId)))
                .fetch(AUDIT_LOG.ACTION)).contains("MFA_RESET", "SESSIONS_ENDED");
        logout();
        assertThat(MfaSignInAuthorities.of(support.passwordSignIn("victim-po", PASSWORD, "203.0.113.14")))
                .containsExactlyInAnyOrder("FACTOR_PASSWORD", SecondFactor.ENROLMENT_REQUIRED);
    }

    private static UserAccount item(Grid<UserAccount> grid, String username) {
        return grid.getListDataView().getItems().filter(u -> u.username().equals(username)).findFirst().orElseThrow();
    }

    private static String mfaState(Grid<UserAccount> grid, String username) {
        return GridKt._getFormatted(GridKt._getColumnByHeader(grid, "Two-factor"), item(grid, username));
    }

    private static final class MfaSignInAuthorities {
        static List<String> of(org.springframework.security.core.Authentication authentication) {
            return authentication.getAuthorities().stream().map(a -> a.getAuthority()).toList();
        }
    }
}
