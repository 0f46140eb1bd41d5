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

    /** A widget of this title, permission and order whose content {@code content} builds. */
    static DashboardWidget of(String title, String requiredPermission, int order, java.util.function.Supplier<Component> content) {
        return new DashboardWidget() {
            public String title() {
                return title;
            }

            public String requiredPermission() {
                return requiredPermission;
            }

            public int order() {
                return order;
            }

            public Component create() {
                return content.get();
            }
        };
    }
}
