package dev.steward.console.ui.mfa;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.steward.platform.security.CurrentUser;
import dev.steward.platform.security.SignInThrottledException;
import dev.steward.platform.security.mfa.MfaService;
import dev.steward.platform.security.mfa.MfaStatus;
import dev.steward.platform.ui.DisplayTime;
import dev.steward.platform.ui.Toasts;
import jakarta.annotation.security.PermitAll;

import java.util.List;

/**
 * The user's own two-factor authentication, from the user menu: set it up, make new recovery codes, or turn it off
 * (not while a role of theirs requires it). Both changes need a current code.
 */
@Route("account/two-factor")
@PageTitle("Two-factor authentication · Steward")
@PermitAll
public class TwoFactorView extends VerticalLayout {

    final Button setUp = new Button("Set up two-factor authentication");
    final TextField newCodesCode = codeField("Code from your app");
    final Button newCodes = new Button("Make new recovery codes");
    final TextField turnOffCode = codeField("Code from your app or a recovery code");
    final Button turnOff = new Button("Turn off");
    private final MfaService mfa;
    private final String username;

    public TwoFactorView(MfaService mfa) {
        this.mfa = mfa;
        this.username = CurrentUser.username().orElseThrow();
        setMaxWidth("40rem");
        show();
    }

    private void show() {
        removeAll();
        MfaStatus status = mfa.status(username);
        add(new H2("Two-factor authentication"));
        if (status.managedByIdentityProvider()) {
            add(new Paragraph("You sign in through your company's identity provider, which asks for your second factor."));
            return;
        }
        if (!status.enrolled()) {
            add(new Paragraph("Off. With two-factor authentication, signing in needs a code from an app on your phone as "
                    + "well as your password, so a stolen password alone does not let anyone in."
                    + status.requiredBy().map(r -> " Your role " + r.label() + " requires it.").orElse("")));
            setUp.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            setUp.addClickListener(e -> UI.getCurrent().navigate(MfaEnrolmentView.class));
            add(setUp);
            return;
        }
        add(new Paragraph("On since " + DisplayTime.format(status.enrolledAt()) + ". "
                + status.recoveryCodesLeft() + " of 10 recovery codes left."));

        add(new H3("Recovery codes"));
        add(new Paragraph("Ten new codes replace the old ones, used or not."));
        newCodes.addClickListener(e -> makeNewRecoveryCodes());
        add(row(newCodesCode, newCodes));

        add(new H3("Turn off"));
        if (status.requiredBy().isPresent()) {
            turnOff.setEnabled(false);
            turnOffCode.setEnabled(false);
            add(new Paragraph("Your role " + status.requiredBy().get().label() + " requires two-factor authentication, so it "
                    + "cannot be turned off. If you lost your phone and recovery codes, an administrator can reset it."));
        } else {
            add(new Paragraph("Signing in will need only your password again."));
        }
        turnOff.addThemeVariants(ButtonVariant.LUMO_ERROR);
        turnOff.addClickListener(e -> turnOff());
        add(row(turnOffCode, turnOff));
    }

    private void makeNewRecoveryCodes() {
        List<String> codes;
        try {
            codes = mfa.regenerateRecoveryCodes(username, newCodesCode.getValue());
        } catch (IllegalArgumentException | IllegalStateException | SignInThrottledException refused) {
            refuse(newCodesCode, refused);
            return;
        }
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("New recovery codes");
        dialog.setCloseOnOutsideClick(false);
        dialog.setCloseOnEsc(false);
        dialog.add(new RecoveryCodesPanel(codes, () -> {
            dialog.close();
            show();
        }));
        dialog.open();
    }

    private void turnOff() {
        try {
            mfa.turnOff(username, turnOffCode.getValue());
        } catch (IllegalArgumentException | IllegalStateException | SignInThrottledException refused) {
            refuse(turnOffCode, refused);
            return;
        }
        Toasts.success("Two-factor authentication is off");
        show();
    }

    private static void refuse(TextField field, RuntimeException refused) {
        field.setErrorMessage(refused.getMessage());
        field.setInvalid(true);
    }

    private static HorizontalLayout row(TextField field, Button button) {
        HorizontalLayout row = new HorizontalLayout(field, button);
        row.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        return row;
    }

    private static TextField codeField(String label) {
        TextField field = new TextField(label);
        field.setWidth("18rem");
        field.setMaxLength(20);
        field.getElement().setAttribute("autocomplete", "one-time-code");
        return field;
    }
}
