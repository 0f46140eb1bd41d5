package dev.steward.console.ui.notifications;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.popover.Popover;
import dev.steward.platform.notifications.InboxItem;
import dev.steward.platform.notifications.NotificationBroadcaster;
import dev.steward.platform.notifications.NotificationCenter;
import dev.steward.platform.security.CurrentUser;

/**
 * The bell: unread count, the latest notifications newest first, mark read, open the record. New notifications
 * arrive live (server push); inside {@code ui.access} the security context is the UI's user's.
 */
class NotificationBell extends Composite<Div> {

    static final int SHOWN = 20;

    final Button bell = new Button(VaadinIcon.BELL.create());
    final Span badge = new Span();
    final VerticalLayout list = new VerticalLayout();
    final Popover popover = new Popover();
    private final NotificationCenter notifications;
    private final NotificationBroadcaster broadcaster;
    private Runnable unregister;

    NotificationBell(NotificationCenter notifications, NotificationBroadcaster broadcaster) {
        this.notifications = notifications;
        this.broadcaster = broadcaster;
        bell.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        bell.setAriaLabel("Notifications");
        bell.setId("notification-bell");
        badge.addClassName("steward-bell-badge");
        popover.setTarget(bell);
        popover.setWidth("24rem");
        // the list is built when it opens and emptied when it closes: a closed bell costs each page a badge, not 20 rows
        popover.addOpenedChangeListener(e -> {
            if (e.isOpened()) {
                refresh();
            } else {
                list.removeAll();
            }
        });
        getContent().add(bell, badge, popover);
        getContent().addClassName("steward-bell");
    }

    private HorizontalLayout header() {
        Button allRead = new Button("Mark all read", e -> {
            notifications.markAllRead();
            refresh();
        });
        allRead.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        return new HorizontalLayout(new Span("Notifications"), allRead);
    }

    void refreshBadge() {
        int unread = notifications.unreadCount();
        badge.setText(unread == 0 ? "" : unread > 99 ? "99+" : String.valueOf(unread));
        badge.setVisible(unread > 0);
        bell.setTooltipText(unread + " unread");
    }

    /** The badge and the latest notifications, for the open list. */
    void refresh() {
        refreshBadge();
        if (list.getParent().isEmpty()) {
            popover.add(header(), list);
        }
        list.removeAll();
        var latest = notifications.latest(SHOWN);
        if (latest.isEmpty()) {
            Anchor preferences = new Anchor("account/notifications", "My notifications");
            preferences.getElement().setAttribute("router-link", true);
            list.add(new Div(new Span("No notifications yet. The modules you have a role in notify you here when "
                    + "something needs you; choose which also come by email under "), preferences, new Span(".")));
        }
        latest.forEach(item -> list.add(row(item)));
    }

    private Div row(InboxItem item) {
        Div row = new Div();
        row.addClassName(item.read() ? "steward-note-read" : "steward-note-unread");
        if (item.link() == null) {
            row.add(new Span(item.title()));
        } else {
            Anchor open = new Anchor(item.link(), item.title());
            open.getElement().addEventListener("click", e -> notifications.markRead(item.id()));
            row.add(open);
        }
        row.getStyle().set("font-weight", item.read() ? "normal" : "bold");
        if (!item.read()) {
            Button read = new Button("Mark read", e -> {
                notifications.markRead(item.id());
                refresh();
            });
            read.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            row.add(read);
        }
        return row;
    }

    @Override
    protected void onAttach(AttachEvent event) {
        refreshBadge();
        UI ui = event.getUI();
        unregister = broadcaster.register(CurrentUser.username().orElseThrow(),
                user -> ui.access(() -> {
                    if (popover.isOpened()) {
                        refresh();
                    } else {
                        refreshBadge();
                    }
                }));
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (unregister != null) {
            unregister.run();
        }
    }
}
