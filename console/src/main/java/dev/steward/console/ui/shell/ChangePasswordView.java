package dev.steward.console.ui.shell;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.steward.platform.security.CurrentUser;
import dev.steward.platform.security.PasswordPolicy;
import dev.steward.platform.security.SignInAuthentication;
import dev.steward.platform.security.UserAccountService;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinSession;
import jakarta.annotation.security.PermitAll;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

/** Every user may change their own password; users with a one-time password are sent here until they do. */
@Route("password")
@PageTitle("Change password · Steward")
@PermitAll
public class ChangePasswordView extends VerticalLayout {

    final PasswordField current = new PasswordField("Current password");
    final PasswordField next = new PasswordField("New password");
    final PasswordField repeat = new PasswordField("Repeat new password");
    final Button save = new Button("Change password");

    public ChangePasswordView(UserAccountService users, SignInAuthentication signIn) {
        setMaxWidth("28rem");
        String username = CurrentUser.username().orElseThrow();
        boolean forced = users.mustChangePassword(username);
        add(new H2("Change password"));
        if (forced) {
            add(new Paragraph("You signed in with a one-time password. Choose your own password to continue."));
        }
        next.setHelperText("At least " + PasswordPolicy.MIN_LENGTH + " characters");
        for (PasswordField field : new PasswordField[]{current, next, repeat}) {
            field.setWidthFull();
            field.setRequired(true);
        }
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> {
            next.setInvalid(false);
            current.setInvalid(false);
            repeat.setInvalid(false);
            if (!next.getValue().equals(repeat.getValue())) {
                repeat.setErrorMessage("The two new passwords differ");
                repeat.setInvalid(true);
                return;
            }
            try {
                users.changeOwnPassword(username, current.getValue(), next.getValue());
            } catch (IllegalArgumentException ex) {
                PasswordField target = ex.getMessage().contains("current") ? current : next;
                target.setErrorMessage(ex.getMessage());
                target.setInvalid(true);
                return;
            }
            AccessGuard.passwordChanged();
            grantFullAccess(signIn);
            renewSessionId();
            Notification.show("Password changed");
            UI.getCurrent().navigate(DashboardView.class);
        });
        add(current, next, repeat, save);
    }

    /**
     * A new session id once the password is changed (a re-authentication): whoever learnt the id while the session
     * held a one-time password, or the old password, cannot follow it. Same session, so the open page carries on.
     */
    private static void renewSessionId() {
        if (VaadinService.getCurrentRequest() instanceof VaadinServletRequest request) {
            request.getHttpServletRequest().changeSessionId();
        }
    }

    /** A session signed in with a one-time password gets the user's roles and permissions now, without signing in again. */
    private static void grantFullAccess(SignInAuthentication signIn) {
        Authentication current = SecurityContextHolder.getContext().getAuthentication();
        if (!SignInAuthentication.mustChangePassword(current)) {
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(signIn.afterPasswordChange(current));
        SecurityContextHolder.setContext(context);
        VaadinSession.getCurrent().getSession().setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
    }
}
