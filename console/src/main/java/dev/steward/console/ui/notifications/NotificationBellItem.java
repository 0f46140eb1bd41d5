package dev.steward.console.ui.notifications;

import com.vaadin.flow.component.Component;
import dev.steward.console.ui.shell.HeaderItem;
import dev.steward.platform.notifications.NotificationBroadcaster;
import dev.steward.platform.notifications.NotificationCenter;

@org.springframework.stereotype.Component
class NotificationBellItem implements HeaderItem {

    private final NotificationCenter notifications;
    private final NotificationBroadcaster broadcaster;

    NotificationBellItem(NotificationCenter notifications, NotificationBroadcaster broadcaster) {
        this.notifications = notifications;
        this.broadcaster = broadcaster;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public Component create() {
        return new NotificationBell(notifications, broadcaster);
    }
}
