package dev.steward.console.ui;

import dev.steward.testkit.console.KaribuTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.ContextMenuKt;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import dev.steward.console.ui.admin.UsersView;
import dev.steward.console.ui.shell.ChangePasswordView;
import dev.steward.console.ui.shell.DashboardView;
import com.github.mvysny.fakeservlet.FakeRequest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.server.VaadinServletRequest;
import dev.steward.console.ui.audit.AuditLogView;
import dev.steward.platform.security.Role;
import dev.steward.platform.security.SignInAuthentication;
import dev.steward.platform.security.UserAccount;
import dev.steward.platform.security.UserAccountService;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static dev.steward.platform.db.generated.Tables.APP_USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

public class UsersAdminTest extends KaribuTest {

    @Autowired
    DSLContext dsl;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    UserAccountService users;
    @Autowired
    SignInAuthentication signIn;

    @Test
    void an_admin_creates_a_user_and_gets_a_one_time_password_that_works_once() {
        loginAs("root", Role.ADMIN);
        UI.getCurrent().navigate(UsersView.class);
        _click(_get(Button.class, spec -> spec.withText("New user")));
        setValue(_get(TextField.class, spec -> spec.withLabel("User name")), "priya");
        setValue(_get(TextField.class, spec -> spec.withLabel("Name")), "Priya Privacy");
        setValue(_get(EmailField.class, spec -> spec.withLabel("Email")), "priya@example.org");
        @SuppressWarnings("unchecked")
        CheckboxGroup<Role> roles = _get(CheckboxGroup.class, spec -> spec.withLabel("Roles"));
        setValue(roles, Set.of(Role.PRIVACY_OFFICER));
        _click(_get(Button.class, spec -> spec.withText("Save")));

        String oneTime = _get(TextField.class, spec -> spec.withLabel("One-time password")).getValue();
        var stored = dsl.selectFrom(APP_USER).where(APP_USER.USERNAME.eq("priya")).fetchOne();
        assertThat(stored.getMustChangePassword()).isTrue();
        assertThat(encoder.matches(oneTime, stored.getPasswordHash())).isTrue();
        assertThat(stored.getPasswordHash()).startsWith("{bcrypt}");
    }

    @Test
    void the_rarer_actions_are_in_each_row_s_menu_and_act_on_that_user_only() {
        loginAs("root", Role.ADMIN);
        users.create("leaver", "Lee Ver", null, EnumSet.of(Role.MANAGER));
        users.create("stayer", "Stay Er", null, EnumSet.of(Role.MANAGER));
        UI.getCurrent().navigate(UsersView.class);

        ContextMenuKt._clickItemWithCaption(actionsMenu("leaver"), "Deactivate");
        assertThat(dsl.select(APP_USER.USERNAME).from(APP_USER).where(APP_USER.ACTIVE.isFalse()).fetch(APP_USER.USERNAME))
                .containsExactly("leaver");

        ContextMenuKt._clickItemWithCaption(actionsMenu("leaver"), "Reset password");
        String oneTime = _get(TextField.class, spec -> spec.withLabel("One-time password")).getValue();
        assertThat(encoder.matches(oneTime, dsl.select(APP_USER.PASSWORD_HASH).from(APP_USER)
                .where(APP_USER.USERNAME.eq("leaver")).fetchSingle().value1())).isTrue();
    }

    /** The "More" menu of a user's row on the Users page. */
    public static MenuBar actionsMenu(String username) {
        @SuppressWarnings("unchecked")
        Grid<UserAccount> grid = _get(Grid.class);
        int row = grid.getListDataView().getItems().map(UserAccount::username).toList().indexOf(username);
        return (MenuBar) ((HorizontalLayout) GridKt._getCellComponent(grid, row, "actions")).getComponentAt(1);
    }

    @Test
    void a_duplicate_user_name_is_refused_in_the_dialog_and_nothing_is_written() {
        users.createInitialAdmin("taken", "some-long-password-1", false);
        loginAs("root", Role.ADMIN);
        UI.getCurrent().navigate(UsersView.class);
        int before = dsl.fetchCount(APP_USER);
        _click(_get(Button.class, spec -> spec.withText("New user")));
        setValue(_get(TextField.class, spec -> spec.withLabel("User name")), "TAKEN");
        setValue(_get(TextField.class, spec -> spec.withLabel("Name")), "Someone");
        @SuppressWarnings("unchecked")
        CheckboxGroup<Role> roles = _get(CheckboxGroup.class, spec -> spec.withLabel("Roles"));
        setValue(roles, Set.of(Role.MANAGER));
        _click(_get(Button.class, spec -> spec.withText("Save")));
        assertThat(_find(Paragraph.class)).anyMatch(p -> p.getText().equals("The user name 'TAKEN' is taken"));
        assertThat(dsl.fetchCount(APP_USER)).isEqualTo(before);
    }

    @Test
    void a_user_with_a_one_time_password_must_change_it_before_anything_else() {
        loginAs("root", Role.ADMIN);
        String oneTime = users.create("newbie", "New Bie", null, EnumSet.of(Role.MANAGER));
        logout();
        loginAs("newbie", Role.MANAGER);
        UI.getCurrent().navigate("");
        ChangePasswordView view = _get(ChangePasswordView.class);

        setValue(view_field("Current password"), "wrong-current-password");
        setValue(view_field("New password"), "my-own-new-passphrase");
        setValue(view_field("Repeat new password"), "my-own-new-passphrase");
        _click(_get(Button.class, spec -> spec.withText("Change password")));
        assertThat(view_field("Current password").getErrorMessage()).isEqualTo("The current password is not correct");

        setValue(view_field("Current password"), oneTime);
        setValue(view_field("New password"), "short");
        setValue(view_field("Repeat new password"), "short");
        _click(_get(Button.class, spec -> spec.withText("Change password")));
        assertThat(view_field("New password").getErrorMessage()).contains("at least 12 characters");

        setValue(view_field("New password"), "my-own-new-passphrase");
        setValue(view_field("Repeat new password"), "my-own-new-passphrase");
        var session = VaadinSession.getCurrent().getSession();
        String idWithOneTimePassword = session.getId();
        _click(_get(Button.class, spec -> spec.withText("Change password")));
        _get(DashboardView.class);
        assertThat(users.mustChangePassword("newbie")).isFalse();
        assertThat(session.getId()).as("a new session id once the password is changed").isNotEqualTo(idWithOneTimePassword);
    }

    @Test
    void a_user_signed_in_with_a_one_time_password_reaches_only_the_change_password_page_and_no_service() {
        loginAs("root", Role.ADMIN);
        String oneTime = users.create("otp-admin", "One Time", null, EnumSet.of(Role.ADMIN));
        logout();
        var attempt = UsernamePasswordAuthenticationToken.unauthenticated("otp-admin", oneTime);
        attempt.setDetails(new WebAuthenticationDetails("192.0.2.15", null));
        signInWith(signIn.forConsole().authenticate(attempt));

        for (Class<? extends Component> target : List.of(UsersView.class, DashboardView.class, AuditLogView.class)) {
            UI.getCurrent().navigate(target);
            _get(ChangePasswordView.class);
        }
        assertThatThrownBy(() -> users.list()).isInstanceOf(AccessDeniedException.class);

        setValue(view_field("Current password"), oneTime);
        setValue(view_field("New password"), "otp-admin-own-passphrase");
        setValue(view_field("Repeat new password"), "otp-admin-own-passphrase");
        _click(_get(Button.class, spec -> spec.withText("Change password")));
        _get(DashboardView.class);
        UI.getCurrent().navigate(UsersView.class);
        _get(UsersView.class);
        assertThat(users.list()).extracting(UserAccount::username).contains("otp-admin");
    }

    /** As the login filter does: the authentication the console's sign-in returned becomes the session's. */
    private void signInWith(Authentication authentication) {
        SecurityContextHolder.getContext().setAuthentication(authentication);
        var request = (FakeRequest) VaadinServletRequest.getCurrent().getRequest();
        request.setUserPrincipalInt(authentication);
        request.setUserInRole((principal, role) -> SecurityContextHolder.getContext().getAuthentication().getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals("ROLE_" + role)));
    }

    private static PasswordField view_field(String label) {
        return _get(PasswordField.class, spec -> spec.withLabel(label));
    }
}
