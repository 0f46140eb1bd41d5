package dev.steward.console.ui.admin;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.steward.platform.ui.Toasts;
import dev.steward.platform.plugin.PluginAdministration;
import dev.steward.platform.plugin.PluginDescriptor;
import dev.steward.platform.plugin.PluginState;
import dev.steward.platform.plugin.PluginStatus;
import dev.steward.platform.security.PlatformPermissions;
import dev.steward.platform.spi.RequiresPermission;
import jakarta.annotation.security.PermitAll;

/** Every plugin with version, state and reason, its contributions per extension point, and enable/disable. */
@Route("admin/plugins")
@PageTitle("Plugins · Steward")
@PermitAll
@RequiresPermission(PlatformPermissions.PLUGINS_MANAGE)
public class PluginsView extends VerticalLayout {

    final Grid<PluginStatus> grid = new Grid<>();
    private final PluginAdministration plugins;

    public PluginsView(PluginAdministration plugins) {
        this.plugins = plugins;
        setSizeFull();
        add(new H2("Plugins"), new Paragraph("Modules installed in this console. Disabling a module hides its menu "
                + "entries and dashboard cards, closes its pages and stops its work at once; its data is kept."));
        grid.addColumn(p -> p.descriptor().name()).setHeader("Plugin").setAutoWidth(true);
        grid.addColumn(PluginStatus::id).setHeader("Id").setAutoWidth(true);
        grid.addColumn(p -> p.descriptor().version()).setHeader("Version").setAutoWidth(true);
        grid.addComponentColumn(PluginsView::stateBadge).setHeader("State").setAutoWidth(true);
        grid.addColumn(p -> p.reason() == null ? "" : p.reason()).setHeader("Reason").setFlexGrow(1);
        grid.addColumn(p -> String.join(", ", p.descriptor().requires())).setHeader("Requires").setAutoWidth(true);
        grid.addComponentColumn(this::toggle).setHeader("").setKey("toggle").setAutoWidth(true);
        grid.setItemDetailsRenderer(new ComponentRenderer<>(PluginsView::details));
        grid.setSizeFull();
        add(grid);
        refresh();
    }

    private void refresh() {
        grid.setItems(plugins.plugins());
    }

    private Component toggle(PluginStatus plugin) {
        boolean switchable = !PluginDescriptor.HOST_ID.equals(plugin.id())
                && (plugin.state() == PluginState.ENABLED || plugin.state() == PluginState.DISABLED);
        if (!switchable) {
            return new Span();
        }
        boolean enable = plugin.state() != PluginState.ENABLED;
        Button button = new Button(enable ? "Enable" : "Disable", e -> {
            try {
                plugins.setEnabled(plugin.id(), enable);
                Toasts.success(plugin.descriptor().name() + (enable ? " enabled" : " disabled"));
            } catch (RuntimeException ex) {
                Toasts.error(ex.getMessage());
            }
            refresh();
        });
        button.setId("toggle-" + plugin.id());
        return button;
    }

    private static Component stateBadge(PluginStatus plugin) {
        Span badge = new Span(plugin.state().name().toLowerCase());
        badge.addClassNames("steward-badge", plugin.state().name().toLowerCase());
        return badge;
    }

    private static Component details(PluginStatus plugin) {
        Div details = new Div(new Paragraph(plugin.descriptor().description()));
        if (plugin.contributions().isEmpty()) {
            details.add(new Paragraph("No contributions."));
        }
        plugin.contributions().forEach((point, items) ->
                details.add(new Paragraph(point + ": " + String.join("; ", items))));
        if (plugin.descriptor().source() != null) {
            details.add(new Paragraph("Loaded from " + plugin.descriptor().source()));
        }
        return details;
    }
}
