package dev.steward.console.ui.shell;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.theme.lumo.Lumo;
import dev.steward.console.ui.mfa.MfaEnrolmentView;
import dev.steward.console.ui.mfa.SecondFactorView;
import dev.steward.platform.plugin.ExtensionRegistry;
import dev.steward.platform.security.SecondFactor;
import dev.steward.platform.security.CurrentUser;
import dev.steward.platform.security.SignInAuthentication;
import dev.steward.platform.security.UserAccountService;
import dev.steward.platform.spi.RequiresPermission;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Server-side checks on every navigation, after Vaadin's own authentication check: a session that still owes its
 * second factor goes to the code page, users with a one-time password to the password page, users who must set up
 * two-factor authentication to its set-up page; views of a disabled plugin are refused with the reason; a view's
 * {@link RequiresPermission} must be held; a plugin view without one is refused (default deny).
 */
@Component
public class AccessGuard implements VaadinServiceInitListener {

    private static final String MUST_CHANGE_PASSWORD = "steward.mustChangePassword";

    private final ExtensionRegistry registry;
    private final UserAccountService users;
    private final dev.steward.platform.security.PermissionCatalog permissions;

    public AccessGuard(ExtensionRegistry registry, UserAccountService users, dev.steward.platform.security.PermissionCatalog permissions) {
        this.permissions = permissions;
        this.registry = registry;
        this.users = users;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> {
            UI ui = init.getUI();
            if (Lumo.DARK.equals(ui.getSession().getAttribute(MainLayout.THEME_ATTRIBUTE))) {
                ui.getElement().getThemeList().add(Lumo.DARK);
            }
            ui.addBeforeEnterListener(this::check);
        });
    }

    void check(BeforeEnterEvent event) {
        Class<?> target = event.getNavigationTarget();
        Optional<String> username = CurrentUser.username();
        if (username.isEmpty() || target == LoginView.class || ErrorPage.class.isAssignableFrom(target)) {
            return;
        }
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        if (SecondFactor.codePending(signedIn)) { // the password alone opens the second step and nothing else
            if (target != SecondFactorView.class) {
                event.rerouteTo(SecondFactorView.class);
            }
            return;
        }
        if (mustChangePassword(username.get()) && target != ChangePasswordView.class) {
            event.rerouteTo(ChangePasswordView.class);
            return;
        }
        if (SecondFactor.enrolmentPending(signedIn) && target != MfaEnrolmentView.class) {
            event.rerouteTo(MfaEnrolmentView.class);
            return;
        }
        Optional<String> plugin = registry.ownerOf(target);
        if (plugin.isPresent() && !registry.isEnabled(plugin.get())) {
            String reason = registry.plugin(plugin.get()).map(p -> p.state().name().toLowerCase()
                    + (p.reason() == null ? "" : " (" + p.reason() + ")")).orElse("not installed");
            event.rerouteToError(PluginUnavailableException.class,
                    "The module '" + plugin.get() + "' is " + reason + ", so this page is not available.");
            return;
        }
        RequiresPermission required = target.getAnnotation(RequiresPermission.class);
        if (required == null && plugin.isPresent()) {
            event.rerouteToError(ForbiddenException.class, "This page does not declare the permission it needs, so it is closed.");
        } else if (required != null && !CurrentUser.hasPermission(required.value())) {
            dev.steward.platform.ui.WhoCan who = dev.steward.platform.ui.WhoCan.permission(permissions, required.value());
            event.rerouteToError(ForbiddenException.class, who.onlyCan("open this page")
                    + ". If you need it, an administrator can give you such a role under Users.");
        }
    }

    private boolean mustChangePassword(String username) {
        // a session signed in with a one-time password holds no permission until it is changed
        if (SignInAuthentication.mustChangePassword(SecurityContextHolder.getContext().getAuthentication())) {
            return true;
        }
        VaadinSession session = VaadinSession.getCurrent();
        Boolean cached = (Boolean) session.getAttribute(MUST_CHANGE_PASSWORD);
        if (cached == null) {
            cached = users.mustChangePassword(username);
            session.setAttribute(MUST_CHANGE_PASSWORD, cached);
        }
        return cached;
    }

    static void passwordChanged() {
        VaadinSession.getCurrent().setAttribute(MUST_CHANGE_PASSWORD, false);
    }

}
