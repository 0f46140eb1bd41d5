package dev.steward.console.mfa;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.VaadinSession;
import dev.steward.console.mfa.MfaTestSupport.App;
import dev.steward.testkit.console.KaribuTest;
import dev.steward.console.ui.admin.UsersView;
import dev.steward.console.ui.audit.AuditLogView;
import dev.steward.console.ui.mfa.MfaEnrolmentView;
import dev.steward.console.ui.mfa.SecondFactorView;
import dev.steward.console.ui.mfa.TwoFactorView;
import dev.steward.console.ui.shell.ChangePasswordView;
import dev.steward.console.ui.shell.DashboardView;
import dev.steward.platform.security.Role;
import dev.steward.platform.security.SecondFactor;
import dev.steward.platform.security.UserAccountService;
import dev.steward.platform.security.mfa.MfaService;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.List;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static dev.steward.platform.db.generated.Tables.APP_USER;
import static dev.steward.platform.db.generated.Tables.AUDIT_LOG;
import static dev.steward.platform.db.generated.Tables.USER_MFA;
import static dev.steward.platform.db.generated.Tables.USER_MFA_RECOVERY_CODE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 13: setting up two-factor authentication and signing in with it, through the real views and sign-in. */
@TestPropertySource(properties = MfaTestSupport.PRODUCTION_REQUIRED_ROLES)
class MfaSignInFlowTest extends KaribuTest {

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
    void an_administrator_must_set_up_two_factor_authentication_before_anything_else_and_then_signs_in_with_a_code() {
        support.createUser("alice-admin", Role.ADMIN, PASSWORD);
        Authentication afterPassword = support.passwordSignIn("alice-admin", PASSWORD, "192.0.2.20");
        assertThat(authorities(afterPassword)).containsExactlyInAnyOrder("FACTOR_PASSWORD", SecondFactor.ENROLMENT_REQUIRED);
        MfaTestSupport.becomeSessionOf(afterPassword);

        for (Class<? extends Component> target : List.of(DashboardView.class, UsersView.class, AuditLogView.class,
                TwoFactorView.class, ChangePasswordView.class)) {
            UI.getCurrent().navigate(target);
            _get(MfaEnrolmentView.class);
        }
        assertThatThrownBy(() -> users.list()).isInstanceOf(AccessDeniedException.class);

        String uri = _get(TextField.class, spec -> spec.withLabel("Link for authenticator apps")).getValue();
        String secret = _get(Paragraph.class, spec -> spec.withClasses("steward-mfa-secret")).getText();
        assertThat(secret).matches("([A-Z2-7]{4} )+[A-Z2-7]{1,4}");
        assertThat(uri).isEqualTo("otpauth://totp/Steward:alice-admin?secret=" + secret.replace(" ", "") + "&issuer=Steward");
        assertThat(_get(Image.class).getSrc()).startsWith("data:image/png;base64,");
        String stored = dsl.select(USER_MFA.TOTP_SECRET).from(USER_MFA).join(APP_USER).on(APP_USER.ID.eq(USER_MFA.USER_ID))
                .where(APP_USER.USERNAME.eq("alice-admin")).fetchOne(USER_MFA.TOTP_SECRET);
        assertThat(stored).as("sealed with the console's key").startsWith("sealed:v1:").doesNotContain(secret.replace(" ", ""));

        App app = new App(secret.replace(" ", ""));
        TextField code = _get(TextField.class, spec -> spec.withLabel("Code from the app"));
        setValue(code, "12345");
        _click(_get(Button.class, spec -> spec.withText("Turn on two-factor authentication")));
        assertThat(code.getErrorMessage()).startsWith("That code is not right");
        assertThat(mfa.isEnrolled("alice-admin")).isFalse();

        String idBefore = VaadinSession.getCurrent().getSession().getId();
        setValue(code, app.nextCode());
        _click(_get(Button.class, spec -> spec.withText("Turn on two-factor authentication")));
        assertThat(VaadinSession.getCurrent().getSession().getId()).as("a new session id").isNotEqualTo(idBefore);
        List<String> recoveryCodes = List.of(_get(Pre.class).getText().split("\n"));
        assertThat(recoveryCodes).hasSize(10).allMatch(c -> c.matches("[0-9a-z]{5}-[0-9a-z]{5}"));
        Button done = _get(Button.class, spec -> spec.withText("Continue"));
        assertThat(done.isEnabled()).as("only once the user says they saved them").isFalse();
        setValue(_get(Checkbox.class, spec -> spec.withLabel("I have saved these recovery codes")), true);
        _click(done);
        _get(DashboardView.class);
        assertThat(users.list()).isNotEmpty();
        assertThat(dsl.select(USER_MFA_RECOVERY_CODE.CODE_SECRET_HASH).from(USER_MFA_RECOVERY_CODE).join(APP_USER)
                .on(APP_USER.ID.eq(USER_MFA_RECOVERY_CODE.USER_ID)).where(APP_USER.USERNAME.eq("alice-admin"))
                .fetch(USER_MFA_RECOVERY_CODE.CODE_SECRET_HASH))
                .as("only bcrypt hashes are stored").hasSize(10).allMatch(h -> h.startsWith("{bcrypt}"));
        logout();

        Authentication next = support.passwordSignIn("alice-admin", PASSWORD, "192.0.2.20");
        assertThat(authorities(next)).containsExactlyInAnyOrder("FACTOR_PASSWORD", SecondFactor.CODE_REQUIRED);
        MfaTestSupport.becomeSessionOf(next);
        UI.getCurrent().navigate(UsersView.class);
        _get(SecondFactorView.class);
        TextField signInCode = _get(TextField.class, spec -> spec.withLabel("Authentication code"));
        setValue(signInCode, "000000x");
        _click(_get(Button.class, spec -> spec.withText("Verify")));
        assertThat(signInCode.getErrorMessage()).isEqualTo(MfaService.WRONG_CODE);

        String idWithPasswordOnly = VaadinSession.getCurrent().getSession().getId();
        setValue(signInCode, app.nextCode());
        _click(_get(Button.class, spec -> spec.withText("Verify")));
        _get(DashboardView.class);
        assertThat(VaadinSession.getCurrent().getSession().getId()).isNotEqualTo(idWithPasswordOnly);
        assertThat(authorities(SecurityContextHolder.getContext().getAuthentication()))
                .contains("FACTOR_PASSWORD", SecondFactor.FACTOR_TOTP, Role.ADMIN.authority()).doesNotContain(SecondFactor.CODE_REQUIRED);
        UI.getCurrent().navigate(UsersView.class);
        _get(UsersView.class);
        assertThat(dsl.select(AUDIT_LOG.ACTION).from(AUDIT_LOG).where(AUDIT_LOG.ACTOR.eq("alice-admin")).fetch(AUDIT_LOG.ACTION))
                .contains("MFA_ENABLED", "MFA_VERIFIED", "LOGIN");
    }

    @Test
    void a_recovery_code_signs_in_once_and_is_refused_the_second_time() {
        support.createUser("rick", Role.PRIVACY_OFFICER, PASSWORD);
        var enrolled = support.enrol("rick");
        String recoveryCode = enrolled.recoveryCodes().get(3);

        MfaTestSupport.becomeSessionOf(support.passwordSignIn("rick", PASSWORD, "192.0.2.21"));
        UI.getCurrent().navigate(DashboardView.class);
        setValue(_get(TextField.class, spec -> spec.withLabel("Authentication code")), recoveryCode.toUpperCase());
        _click(_get(Button.class, spec -> spec.withText("Verify")));
        _get(DashboardView.class);
        assertThat(mfa.status("rick").recoveryCodesLeft()).isEqualTo(9);
        logout();

        MfaTestSupport.becomeSessionOf(support.passwordSignIn("rick", PASSWORD, "192.0.2.21"));
        UI.getCurrent().navigate(DashboardView.class);
        TextField code = _get(TextField.class, spec -> spec.withLabel("Authentication code"));
        setValue(code, recoveryCode);
        _click(_get(Button.class, spec -> spec.withText("Verify")));
        assertThat(code.getErrorMessage()).isEqualTo(MfaService.WRONG_CODE);
        _get(SecondFactorView.class);

        setValue(code, enrolled.recoveryCodes().get(4));
        _click(_get(Button.class, spec -> spec.withText("Verify")));
        _get(DashboardView.class);
    }

    @Test
    void a_manager_sets_it_up_from_the_user_menu_makes_new_recovery_codes_and_turns_it_off() {
        support.createUser("maya", Role.MANAGER, PASSWORD);
        Authentication signedIn = support.passwordSignIn("maya", PASSWORD, "192.0.2.22");
        assertThat(authorities(signedIn)).as("not required for managers").contains(Role.MANAGER.authority());
        MfaTestSupport.becomeSessionOf(signedIn);
        UI.getCurrent().navigate(TwoFactorView.class);
        _click(_get(Button.class, spec -> spec.withText("Set up two-factor authentication")));
        App app = new App(_get(Paragraph.class, spec -> spec.withClasses("steward-mfa-secret")).getText().replace(" ", ""));
        setValue(_get(TextField.class, spec -> spec.withLabel("Code from the app")), app.nextCode());
        _click(_get(Button.class, spec -> spec.withText("Turn on two-factor authentication")));
        List<String> firstCodes = List.of(_get(Pre.class).getText().split("\n"));
        setValue(_get(Checkbox.class), true);
        _click(_get(Button.class, spec -> spec.withText("Continue")));
        _get(TwoFactorView.class);
        assertThat(_find(Paragraph.class)).anyMatch(p -> p.getText().startsWith("On since") && p.getText().contains("10 of 10 recovery codes left"));

        TextField newCodesCode = _get(TextField.class, spec -> spec.withLabel("Code from your app"));
        setValue(newCodesCode, firstCodes.get(0));
        _click(_get(Button.class, spec -> spec.withText("Make new recovery codes")));
        assertThat(newCodesCode.getErrorMessage()).as("new codes need the app, not a recovery code").isEqualTo(MfaService.WRONG_TOTP);
        setValue(newCodesCode, app.nextCode());
        _click(_get(Button.class, spec -> spec.withText("Make new recovery codes")));
        List<String> secondCodes = List.of(_get(Pre.class).getText().split("\n"));
        assertThat(secondCodes).hasSize(10).doesNotContainAnyElementsOf(firstCodes);
        setValue(_get(Checkbox.class), true);
        _click(_get(Button.class, spec -> spec.withText("Continue")));

        TextField turnOffCode = _get(TextField.class, spec -> spec.withLabel("Code from your app or a recovery code"));
        setValue(turnOffCode, firstCodes.get(1));
        _click(_get(Button.class, spec -> spec.withText("Turn off")));
        assertThat(turnOffCode.getErrorMessage()).as("the old recovery codes are gone").isEqualTo(MfaService.WRONG_CODE);
        setValue(turnOffCode, secondCodes.get(0));
        _click(_get(Button.class, spec -> spec.withText("Turn off")));
        assertThat(mfa.isEnrolled("maya")).isFalse();
        assertThat(authorities(support.passwordSignIn("maya", PASSWORD, "192.0.2.22"))).contains(Role.MANAGER.authority());
    }

    @Test
    void a_privacy_officer_cannot_turn_it_off_and_is_told_why() {
        support.createUser("olga", Role.PRIVACY_OFFICER, PASSWORD);
        var enrolled = support.enrol("olga");
        MfaTestSupport.becomeSessionOf(support.passwordSignIn("olga", PASSWORD, "192.0.2.23"));
        UI.getCurrent().navigate(DashboardView.class);
        setValue(_get(TextField.class, spec -> spec.withLabel("Authentication code")), enrolled.app().nextCode());
        _click(_get(Button.class, spec -> spec.withText("Verify")));
        UI.getCurrent().navigate(TwoFactorView.class);
        assertThat(_get(Button.class, spec -> spec.withText("Turn off")).isEnabled()).isFalse();
        assertThat(_find(Paragraph.class)).anyMatch(p -> p.getText().startsWith("Your role Privacy officer requires two-factor authentication"));
        assertThatThrownBy(() -> mfa.turnOff("olga", enrolled.recoveryCodes().get(0))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot be turned off");
        assertThat(mfa.isEnrolled("olga")).isTrue();
    }

    static List<String> authorities(Authentication authentication) {
        return authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
    }
}
