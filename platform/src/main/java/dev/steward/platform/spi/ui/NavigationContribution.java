package dev.steward.platform.spi.ui;

import java.util.List;

/** Extension point: side-navigation entries. Shown only while the contributing plugin is enabled. */
public interface NavigationContribution {

    List<NavigationItem> navigationItems();
}
