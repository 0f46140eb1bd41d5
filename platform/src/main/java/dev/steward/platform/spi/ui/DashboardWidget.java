package dev.steward.platform.spi.ui;

import com.vaadin.flow.component.Component;

/** Extension point: a card on the dashboard, shown to users holding {@link #requiredPermission()}. */
public interface DashboardWidget {

    String title();

    String requiredPermission();

    default int order() {
        return 100;
    }

    /** Builds the widget's content for the current user; called on the UI thread each time the dashboard opens. */
    Component create();
}
