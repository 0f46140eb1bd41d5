package dev.steward.console.ui.mfa;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
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
import dev.steward.platform.security.mfa.MfaEnrolment;
import dev.steward.platform.security.mfa.MfaService;
import jakarta.annotation.security.PermitAll;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.List;

/**
 * Setting up two-factor authentication: the secret for the authenticator app (QR code, text in groups of four and
 * the {@code otpauth://} URI), confirmed with a first code; then the recovery codes, once. Users whose role requires
 * it are sent here after the password and can do nothing else until they are done. Outside the shell, as the
 * second sign-in step is.
 */
@Route(value = "account/two-factor/setup", autoLayout = false)
@PageTitle("Set up two-factor authentication · Steward")
@PermitAll
public class MfaEnrolmentView extends VerticalLayout implements BeforeEnterObserver {

    final TextField code = new TextField("Code from the app");
    final Button confirm = new Button("Turn on two-factor authentication");
    final Paragraph secret = new Paragraph();
    private final MfaService mfa;
    private final SignInAuthentication signIn;
    private final AuthenticationContext authentication;
    private final String username;

    public MfaEnrolmentView(MfaService mfa, SignInAuthentication signIn, AuthenticationContext authentication) {
        this.mfa = mfa;
        this.signIn = signIn;
        this.authentication = authentication;
        this.username = CurrentUser.username().orElseThrow();
        setMaxWidth("36rem");
        getStyle().set("margin", "0 auto"); // a page of its own, outside the shell, centred as the login page is
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (mfa.isEnrolled(username)) {
            if (forced()) { // set up in another session: this one must now prove it holds the app too
                SignInSteps.reconsider(signIn);
                event.forwardTo(SecondFactorView.class);
            } else {
                event.forwardTo(TwoFactorView.class);
            }
            return;
        }
        removeAll();
        showSecret(mfa.startEnrolment(username));
    }

    private void showSecret(MfaEnrolment enrolment) {
        boolean required = forced();
        add(new H2("Set up two-factor authentication"));
        if (required) {
            add(new Paragraph("Your role requires two-factor authentication. Set it up to continue."));
        }
        add(new Paragraph("1. Scan this QR code with an authenticator app (for example FreeOTP, Aegis, Google Authenticator "
                + "or your password manager), or type in the key below."));
        add(QrCode.of(enrolment.uri(), "QR code of the two-factor secret for " + username));
        secret.setText(enrolment.groupedSecret());
        secret.addClassName("steward-mfa-secret");
        TextField uri = new TextField("Link for authenticator apps");
        uri.setValue(enrolment.uri());
        uri.setReadOnly(true);
        uri.setWidthFull();
        add(new Paragraph("Key (time-based, 6 digits, every 30 seconds):"), secret, new Details("Show the otpauth:// link", uri));
        add(new Paragraph("2. Enter the code the app now shows for Steward."));
        code.setMaxLength(6);
        code.setAllowedCharPattern("[0-9]");
        code.getElement().setAttribute("autocomplete", "one-time-code");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.addClickShortcut(Key.ENTER);
        confirm.addClickListener(e -> confirm());
        add(code, confirm);
        if (required) {
            Button signOut = new Button("Sign out", e -> authentication.logout());
            signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            add(signOut);
        }
    }

    private void confirm() {
        List<String> recoveryCodes;
        try {
            recoveryCodes = mfa.confirmEnrolment(username, code.getValue());
        } catch (IllegalArgumentException | IllegalStateException refused) {
            code.setErrorMessage(refused.getMessage());
            code.setInvalid(true);
            return;
        }
        boolean required = forced();
        if (required) {
            SignInSteps.secondFactorProven(signIn); // the session gets the user's roles once the codes are saved
        }
        removeAll();
        add(new H2("Two-factor authentication is on"));
        add(new RecoveryCodesPanel(recoveryCodes, () -> {
            if (required) {
                UI.getCurrent().navigate("");
            } else {
                UI.getCurrent().navigate(TwoFactorView.class);
            }
        }));
    }

    private static boolean forced() {
        return SecondFactor.enrolmentPending(SecurityContextHolder.getContext().getAuthentication());
    }
}
