package dev.steward.platform.spi.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.icon.VaadinIcon;

/**
 * One side-navigation entry.
 *
 * @param group              the heading it appears under (e.g. "Administration")
 * @param requiredPermission shown only to users who hold it; never null (default deny)
 */
public record NavigationItem(String label, String group, VaadinIcon icon, Class<? extends Component> view,
                             String requiredPermission, int order) {
}
