package dev.steward.testkit.console;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.PollEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H3;
import dev.steward.platform.ui.ChartCard;
import dev.steward.platform.ui.Ticker;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;

/** Karibu helpers for the dashboard: its cards by title, their charts, the ticking of countdowns, where a click led. */
public final class Dashboard {

    private Dashboard() {
    }

    public static void open() {
        UI.getCurrent().navigate("");
    }

    public static List<String> titles() {
        return _find(H3.class).stream().filter(h -> h.getParent().map(p -> p.hasClassName("steward-card")).orElse(false))
                .map(H3::getText).toList();
    }

    /** The card with this title, if the user sees it. */
    public static Optional<Component> card(String title) {
        return _find(H3.class).stream().filter(h -> h.getText().equals(title)).findFirst().flatMap(Component::getParent);
    }

    public static Optional<ChartCard> chart(String title) {
        return card(title).flatMap(card -> card.getChildren().filter(ChartCard.class::isInstance).map(ChartCard.class::cast).findFirst());
    }

    /** The browser's minute poll, with the UI's clock set to {@code now}. */
    public static void tick(Instant now) {
        UI ui = UI.getCurrent();
        Ticker.useClock(ui, Clock.fixed(now, ZoneOffset.UTC));
        ComponentUtil.fireEvent(ui, new PollEvent(ui, true));
    }

    /** The current view's path and query, e.g. {@code vendors?tier=2}. */
    public static String location() {
        var location = UI.getCurrent().getInternals().getActiveViewLocation();
        String query = location.getQueryParameters().getQueryString();
        return query.isEmpty() ? location.getPath() : location.getPath() + "?" + query;
    }
}
