package dev.steward.console.ui.shell;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.steward.platform.onboarding.GettingStarted;
import dev.steward.platform.plugin.ExtensionRegistry;
import dev.steward.platform.security.CurrentUser;
import dev.steward.platform.security.PermissionCatalog;
import dev.steward.platform.security.PlatformPermissions;
import dev.steward.platform.spi.RequiresPermission;
import dev.steward.platform.spi.ui.DashboardWidget;
import jakarta.annotation.security.PermitAll;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Comparator;
import java.util.List;

/**
 * Cards from the enabled plugins' {@link DashboardWidget}s that the user may see; while a new installation's
 * getting-started steps remain, administrators see them first; a page that says what is true when there are no cards.
 */
@Route("")
@PageTitle("Dashboard · Steward")
@PermitAll
@RequiresPermission(PlatformPermissions.DASHBOARD)
public class DashboardView extends VerticalLayout {

    private static final Logger log = LoggerFactory.getLogger(DashboardView.class);

    public DashboardView(ExtensionRegistry registry, PermissionCatalog permissions, GettingStarted gettingStarted) {
        add(new H2("Dashboard"));
        if (CurrentUser.hasPermission(PlatformPermissions.GETTING_STARTED)) {
            GettingStarted.Checklist checklist = gettingStarted.checklist();
            if (checklist.onDashboard()) {
                add(new GettingStartedCard(checklist));
            }
        }
        List<DashboardWidget> widgets = registry.contributions(DashboardWidget.class).stream()
                .filter(w -> CurrentUser.hasPermission(w.requiredPermission()))
                .sorted(Comparator.comparingInt(DashboardWidget::order)).toList();
        if (widgets.isEmpty()) {
            add(new EmptyDashboard(ModuleRoles.of(registry, permissions)));
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
}
