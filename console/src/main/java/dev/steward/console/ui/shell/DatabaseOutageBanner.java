package dev.steward.console.ui.shell;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;

import java.util.Optional;

/**
 * The banner across the top of the page when an action failed because the database could not be reached: the view
 * and what the user typed stay as they were, so the same action can simply be tried again. One per page; it stays
 * until dismissed, since the outage may outlast any timeout.
 */
public final class DatabaseOutageBanner {

    public static final String TEXT = "Steward cannot reach its database. Your input is kept; try again when it is back.";

    private static final String KEY = DatabaseOutageBanner.class.getName();

    private DatabaseOutageBanner() {
    }

    static void show(UI ui) {
        if (shownIn(ui).isPresent()) {
            return;
        }
        Notification banner = new Notification();
        banner.setPosition(Notification.Position.TOP_STRETCH);
        banner.setDuration(0);
        banner.addThemeVariants(NotificationVariant.LUMO_WARNING);
        Button dismiss = new Button("Dismiss", e -> banner.close());
        dismiss.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        HorizontalLayout content = new HorizontalLayout(new Span(TEXT), dismiss);
        content.setAlignItems(FlexComponent.Alignment.CENTER);
        banner.add(content);
        banner.addOpenedChangeListener(e -> {
            if (!e.isOpened()) {
                ComponentUtil.setData(ui, KEY, null);
            }
        });
        ComponentUtil.setData(ui, KEY, banner);
        banner.open();
    }

    /** The banner open on this page, if any. */
    public static Optional<Notification> shownIn(UI ui) {
        return Optional.ofNullable((Notification) ComponentUtil.getData(ui, KEY)).filter(Notification::isOpened);
    }
}
