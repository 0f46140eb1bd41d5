package dev.steward.console.ui.mfa;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import dev.steward.platform.security.CurrentUser;
import dev.steward.platform.security.SecondFactor;
import dev.steward.platform.security.SignInAuthentication;
import dev.steward.platform.security.SignInThrottledException;
import dev.steward.platform.security.mfa.MfaService;
import dev.steward.platform.security.mfa.MfaVerification;
import dev.steward.platform.ui.Toasts;
import jakarta.annotation.security.PermitAll;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The second sign-in step: a code from the authenticator app or a recovery code. A session that owes it is sent
 * here from everywhere (AccessGuard) and holds no other authority; outside the shell, so nothing of the user's
 * (notifications, search) shows before the code is right.
 */
@Route(value = "sign-in/code", autoLayout = false)
@PageTitle("Two-factor sign-in · Steward")
@PermitAll
public class SecondFactorView extends VerticalLayout implements BeforeEnterObserver {

    final TextField code = new TextField("Authentication code");
    final Button verify = new Button("Verify");

    public SecondFactorView(MfaService mfa, SignInAuthentication signIn, AuthenticationContext authentication) {
        setMaxWidth("28rem");
        getStyle().set("margin", "0 auto"); // a page of its own, outside the shell, centred as the login page is
        String username = CurrentUser.username().orElseThrow();
        code.setHelperText("The 6-digit code from your authenticator app, or one of your recovery codes");
        code.setWidthFull();
        code.setMaxLength(20);
        code.setAutofocus(true);
        code.getElement().setAttribute("autocomplete", "one-time-code");
        verify.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        verify.addClickShortcut(com.vaadin.flow.component.Key.ENTER);
        verify.addClickListener(e -> {
            MfaVerification accepted;
            try {
                accepted = mfa.verifySignIn(username, code.getValue());
            } catch (IllegalArgumentException | SignInThrottledException refused) {
                code.setErrorMessage(refused.getMessage());
                code.setInvalid(true);
                return;
            }
            SignInSteps.secondFactorProven(signIn);
            if (accepted.recoveryCode()) {
                Toasts.success("Recovery code used: " + accepted.recoveryCodesLeft() + " left."
                        + (accepted.recoveryCodesLeft() <= 3 ? " Make new ones under Two-factor authentication." : ""));
            }
            UI.getCurrent().navigate("");
        });
        Button signOut = new Button("Sign out", e -> authentication.logout());
        signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        add(new H2("Two-factor authentication"), new Paragraph("Signed in as " + username
                + ". Enter the code your authenticator app shows for Steward."), code, verify, signOut);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (!SecondFactor.codePending(SecurityContextHolder.getContext().getAuthentication())) {
            event.forwardTo(""); // nothing owed here
        }
    }
}
