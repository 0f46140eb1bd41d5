package dev.steward.platform.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;

/** The console's small row-action button (inside grid rows), the same in every module. */
public final class Buttons {

    private Buttons() {
    }

    public static Button small(String text, Runnable action) {
        Button button = new Button(text, e -> action.run());
        button.addThemeVariants(ButtonVariant.LUMO_SMALL);
        return button;
    }
}
