package dev.steward.dsr.ui;

import com.vaadin.flow.component.Component;
import dev.steward.dsr.requests.RightsRequest;

/**
 * One tab of a request's page (verification, tasks, response…), contributed as a bean of the plugin so that each part
 * of the work brings its own panel. Tabs are shown by {@link #order()}; a tab the user may not see is left out.
 */
public interface RequestTab {

    String label();

    /** Lower first; the overview is 0 and the timeline 1000. */
    int order();

    /** Whether the current user sees this tab on this request. */
    default boolean visibleFor(RightsRequest request) {
        return true;
    }

    /** The panel; {@code changed} reloads the page after the panel changed the request. */
    Component create(RightsRequest request, Runnable changed);
}
