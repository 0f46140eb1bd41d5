package dev.steward.console.ui.shell;

import com.vaadin.flow.component.Component;

/**
 * Something the console shows in the header, left of the theme switch and user menu (global search, the
 * notifications bell). Console beans; created once per UI.
 */
public interface HeaderItem {

    /** Smaller comes first. */
    int order();

    Component create();
}
