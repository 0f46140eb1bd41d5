package dev.steward.console.ui.mfa;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import dev.steward.platform.security.UserAccount;
import dev.steward.platform.security.mfa.MfaService;
import dev.steward.platform.ui.Toasts;

import java.util.Set;

/**
 * Two-factor authentication on the Users page: each user's state, and the administrator's reset for a user who lost
 * their phone and recovery codes (audited; the user's sessions end).
 */
public class UserMfaActions {

    private final MfaService mfa;
    private Set<Long> enrolled = Set.of();

    public UserMfaActions(MfaService mfa) {
        this.mfa = mfa;
    }

    /** Reads who has it on; call before the grid shows. */
    public void refresh() {
        enrolled = mfa.enrolledUsers();
    }

    /** The state as the grid shows it. {@code viaProvider}: the user signs in through single sign-on. */
    public String state(UserAccount user, boolean viaProvider) {
        if (viaProvider) {
            return "at the identity provider";
        }
        if (enrolled.contains(user.id())) {
            return "on";
        }
        return mfa.requiredBy(user.roles()).map(role -> "off · required").orElse("off");
    }

    /** Whether the user has it on, so that an administrator may reset it. */
    public boolean canReset(UserAccount user) {
        return enrolled.contains(user.id());
    }

    /** Asks the administrator to confirm, then resets the user's two-factor authentication. */
    public void confirmReset(UserAccount user, Runnable afterwards) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Reset two-factor authentication of " + user.username() + "?");
        boolean required = mfa.requiredBy(user.roles()).isPresent();
        dialog.add(new Paragraph("Their authenticator app and recovery codes stop working and their open sessions end. "
                + (required ? "Their role requires two-factor authentication: they must set it up again at their next sign-in."
                : "They sign in with their password alone until they set it up again.")
                + " Make sure it is really them asking (call them back on a number you know)."));
        Button reset = new Button("Reset", e -> {
            try {
                mfa.reset(user.id());
                Toasts.success("Two-factor authentication of " + user.username() + " reset; their sessions ended");
            } catch (IllegalArgumentException refused) {
                Toasts.error(refused.getMessage());
            }
            dialog.close();
            afterwards.run();
        });
        reset.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), reset);
        dialog.open();
    }
}
