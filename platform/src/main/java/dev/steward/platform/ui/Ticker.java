package dev.steward.platform.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.HasText;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.shared.Registration;

import java.time.Clock;
import java.time.Instant;
import java.util.function.Function;

/**
 * Keeps time-based text (countdowns, "late") moving while it is on screen: the browser polls once a minute, the
 * server runs the ticks of the attached components in that request. No thread and no timer per component; the
 * polling stops when the last ticking component of the UI is detached.
 */
public final class Ticker {

    public static final int INTERVAL_MILLIS = 60_000;

    /** How many ticking components a UI holds, and its clock (tests set a fixed one). */
    private static final class State {
        int ticking;
        Clock clock = Clock.systemUTC();
    }

    private Ticker() {
    }

    /** Runs {@code tick} on every poll while {@code component} is attached. */
    public static void whileAttached(Component component, Runnable tick) {
        component.addAttachListener(attach -> {
            UI ui = attach.getUI();
            State state = state(ui);
            if (state.ticking++ == 0) {
                ui.setPollInterval(INTERVAL_MILLIS);
            }
            Registration polling = ui.addPollListener(poll -> tick.run());
            component.addDetachListener(detach -> {
                polling.remove();
                if (--state.ticking == 0) {
                    ui.setPollInterval(-1);
                }
                detach.unregisterListener();
            });
        });
    }

    /** Shows {@code text} of the current time now and keeps it current while attached. */
    public static <C extends Component & HasText> C text(C component, Function<Instant, String> text) {
        component.setText(text.apply(Instant.now()));
        whileAttached(component, () -> component.getUI().ifPresent(ui -> component.setText(text.apply(now(ui)))));
        component.addAttachListener(attach -> component.setText(text.apply(now(attach.getUI()))));
        return component;
    }

    public static Instant now(UI ui) {
        return state(ui).clock.instant();
    }

    /** For tests: the time the UI's ticks see. */
    public static void useClock(UI ui, Clock clock) {
        state(ui).clock = clock;
    }

    private static State state(UI ui) {
        State state = ComponentUtil.getData(ui, State.class);
        if (state == null) {
            state = new State();
            ComponentUtil.setData(ui, State.class, state);
        }
        return state;
    }
}
