package dev.steward.console.ui.mfa;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import java.util.List;

/** The recovery codes, shown once, and the user's word that they have saved them before going on. */
class RecoveryCodesPanel extends VerticalLayout {

    final Pre codes = new Pre();
    final Checkbox saved = new Checkbox("I have saved these recovery codes");
    final Button done = new Button("Continue");

    RecoveryCodesPanel(List<String> recoveryCodes, Runnable onDone) {
        setPadding(false);
        codes.setText(String.join("\n", recoveryCodes));
        codes.addClassName("steward-recovery-codes");
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        done.setEnabled(false);
        saved.addValueChangeListener(e -> done.setEnabled(e.getValue()));
        done.addClickListener(e -> onDone.run());
        add(new Paragraph("Your recovery codes. Each works once, in place of a code from your app, if you lose your phone. "
                + "Keep them somewhere safe, such as your password manager: they are shown only now."), codes, saved, done);
    }
}
