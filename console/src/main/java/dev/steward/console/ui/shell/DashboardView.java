package dev.steward.console.ui.shell;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import dev.steward.console.ui.admin.PluginsView;
import dev.steward.platform.plugin.ExtensionRegistry;
import dev.steward.platform.security.CurrentUser;
import dev.steward.platform.security.PlatformPermissions;
import dev.steward.platform.spi.RequiresPermission;
import dev.steward.platform.spi.ui.DashboardWidget;
import jakarta.annotation.security.PermitAll;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Comparator;
import java.util.List;

/** Cards from the enabled plugins' {@link DashboardWidget}s that the user may see; a helpful page when there are none. */
@Route("")
@PageTitle("Dashboard · Steward")
@PermitAll
@RequiresPermission(PlatformPermissions.DASHBOARD)
public class DashboardView extends VerticalLayout {

    private static final Logger log = LoggerFactory.getLogger(DashboardView.class);

    public DashboardView(ExtensionRegistry registry) {
        add(new H2("Dashboard"));
        List<DashboardWidget> widgets = registry.contributions(DashboardWidget.class).stream()
                .filter(w -> CurrentUser.hasPermission(w.requiredPermission()))
                .sorted(Comparator.comparingInt(DashboardWidget::order)).toList();
        if (widgets.isEmpty()) {
            add(emptyState());
            return;
        }
        Div cards = new Div();
        cards.addClassName("steward-cards");
        widgets.forEach(widget -> cards.add(card(widget)));
        add(cards);
    }

    private static Component card(DashboardWidget widget) {
        Div card = new Div(new H3(widget.title()));
        card.addClassName("steward-card");
        try {
            card.add(widget.create());
        } catch (RuntimeException e) {
            log.error("Dashboard widget '{}' failed", widget.title(), e);
            card.add(new Paragraph("This card could not be shown right now."));
        }
        return card;
    }

    private static Component emptyState() {
        Div empty = new Div(new Paragraph("Nothing on your dashboard yet. Modules such as incident response, access "
                + "reviews and the vendor registry add their cards here — open incidents, reviews waiting for you, "
                + "contracts about to expire — as soon as they are installed and you have access to them."));
        empty.addClassName("steward-empty");
        if (CurrentUser.hasPermission(PlatformPermissions.PLUGINS_MANAGE)) {
            empty.add(new Paragraph(new RouterLink("See which plugins are installed and enabled", PluginsView.class)));
        } else {
            empty.add(new Paragraph("If you expected to see something here, ask your administrator for access."));
        }
        return empty;
    }
}
