package dev.steward.console.ui.admin;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.contextmenu.SubMenu;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.steward.platform.ui.DisplayTime;
import dev.steward.platform.ui.Toasts;
import dev.steward.platform.security.PlatformPermissions;
import dev.steward.platform.security.Role;
import dev.steward.platform.security.UserAccount;
import dev.steward.platform.security.CurrentUser;
import dev.steward.platform.security.UserAccountService;
import dev.steward.platform.security.sso.SsoAccounts;
import dev.steward.platform.security.mfa.MfaService;
import dev.steward.console.ui.mfa.UserMfaActions;
import dev.steward.platform.spi.RequiresPermission;
import dev.steward.platform.validation.ConcurrentChangeException;
import jakarta.annotation.security.PermitAll;

import java.util.Map;
import java.util.stream.Collectors;

/** Console users: create, edit roles, deactivate, reset password (the last three end the user's open sessions). */
@Route("admin/users")
@PageTitle("Users · Steward")
@PermitAll
@RequiresPermission(PlatformPermissions.USERS_MANAGE)
public class UsersView extends VerticalLayout {

    final Grid<UserAccount> grid = new Grid<>();
    final Button create = new Button("New user");
    private final UserAccountService users;
    private final SsoAccounts sso;
    private final UserMfaActions mfa;
    /** The provider each single sign-on user signs in through, by user id. */
    private Map<Long, String> providers = Map.of();

    public UsersView(UserAccountService users, SsoAccounts sso, MfaService mfaService) {
        this.users = users;
        this.sso = sso;
        this.mfa = new UserMfaActions(mfaService);
        setSizeFull();
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(e -> new UserDialog(null, (username, name, email, roles) ->
                showPassword("User " + username + " created", users.create(username, name, email, roles))).open());
        add(new HorizontalLayout(new H2("Users"), create));
        // fits a 1366-pixel screen beside the menu: texts wrap rather than push columns off-screen
        grid.addThemeVariants(com.vaadin.flow.component.grid.GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(UserAccount::username).setHeader("User name").setSortable(true).setWidth("7em").setFlexGrow(0);
        grid.addColumn(UserAccount::displayName).setHeader("Name").setSortable(true).setWidth("8em").setFlexGrow(1);
        grid.addColumn(u -> u.email() == null ? "" : u.email()).setHeader("Email").setWidth("10em").setFlexGrow(1);
        grid.addColumn(u -> u.roles().stream().map(Role::label).sorted().collect(Collectors.joining(", "))).setHeader("Roles").setWidth("9em").setFlexGrow(2);
        grid.addColumn(u -> mfa.state(u, providers.containsKey(u.id()))).setHeader("Two-factor").setWidth("7em").setFlexGrow(0)
                .setTooltipGenerator(u -> "off · required".equals(mfa.state(u, providers.containsKey(u.id())))
                        ? "Their role requires two-factor authentication: they set it up at their next sign-in" : null);
        grid.addColumn(u -> status(u) + (providers.containsKey(u.id()) ? " · sign-in: " + providers.get(u.id()) : ""))
                .setHeader("Status").setWidth("7em").setFlexGrow(0);
        grid.addColumn(u -> u.lastLoginAt() == null ? "never" : DisplayTime.format(u.lastLoginAt()))
                .setHeader("Last sign-in").setWidth("7em").setFlexGrow(0);
        grid.addComponentColumn(this::actions).setHeader("").setAutoWidth(true).setKey("actions").setFrozenToEnd(true);
        grid.setSizeFull();
        add(grid);
        refresh();
    }

    private void refresh() {
        providers = sso.providersByUser();
        mfa.refresh();
        grid.setItems(users.list());
    }

    private static String status(UserAccount u) {
        if (!u.active()) {
            return "deactivated";
        }
        return u.mustChangePassword() ? "active, must change password" : "active";
    }

    /** Edit at hand; the rarer actions behind a "more" menu, so that the row fits a laptop screen. */
    private Component actions(UserAccount user) {
        Button edit = new Button("Edit", e -> new UserDialog(user, (username, name, email, roles) -> {
            users.update(user.id(), user.version(), name, email, roles);
            Toasts.success("Saved " + username);
            refresh();
        }).open());
        edit.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        String provider = providers.get(user.id());
        if (provider != null) { // their password and groups are managed at the provider
            edit.setTooltipText("Roles follow the user's groups at " + provider + " and are set again at each sign-in");
        }
        MenuBar more = new MenuBar();
        more.addThemeVariants(MenuBarVariant.LUMO_SMALL, MenuBarVariant.LUMO_TERTIARY);
        more.setId("user-actions-" + user.id());
        more.setMinWidth("3em"); // else the auto-sized column leaves it room only for its overflow button
        MenuItem opener = more.addItem(VaadinIcon.ELLIPSIS_DOTS_H.create());
        opener.setAriaLabel("More actions for " + user.username());
        more.setTooltipText(opener, "More actions");
        SubMenu items = opener.getSubMenu();
        items.addItem(user.active() ? "Deactivate" : "Activate", e -> run(() -> {
            users.setActive(user.id(), user.version(), !user.active());
            Toasts.success(user.username() + (user.active() ? " deactivated" : " activated"));
        }));
        if (provider == null) {
            items.addItem("Reset password", e -> run(() ->
                    showPassword("New one-time password for " + user.username(), users.resetPassword(user.id(), user.version()))));
        }
        // a lost laptop or a shared screen: ends their open sessions, the account stays as it is
        items.addItem("Sign out everywhere", e -> run(() -> {
            users.endSessions(user.id());
            Toasts.success(user.username() + " is signed out of every open session"
                    + (CurrentUser.username().filter(user.username()::equals).isPresent() ? " but this one" : ""));
        }));
        if (provider == null && mfa.canReset(user)) { // lost phone and recovery codes
            items.addItem("Reset two-factor", e -> mfa.confirmReset(user, this::refresh));
        }
        HorizontalLayout actions = new HorizontalLayout(edit, more);
        actions.setSpacing(false);
        return actions;
    }

    private void run(Runnable action) {
        try {
            action.run();
        } catch (IllegalArgumentException | ConcurrentChangeException e) {
            Toasts.error(e.getMessage());
        }
        refresh();
    }

    private void showPassword(String title, String password) {
        refresh();
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(title);
        TextField field = new TextField("One-time password");
        field.setValue(password);
        field.setReadOnly(true);
        field.setWidthFull();
        dialog.add(new Paragraph("Hand this password to the user over a safe channel. It is shown only now; "
                + "the user must choose their own password at first sign-in."), field);
        dialog.getFooter().add(new Button("Done", e -> dialog.close()));
        dialog.open();
    }
}
