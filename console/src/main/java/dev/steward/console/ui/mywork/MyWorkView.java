package dev.steward.console.ui.mywork;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.steward.console.ui.shell.ModuleRoles;
import dev.steward.platform.deadlines.DeadlineService;
import dev.steward.platform.plugin.ExtensionRegistry;
import dev.steward.platform.security.PermissionCatalog;
import dev.steward.platform.deadlines.WorkGroup;
import dev.steward.platform.deadlines.WorkItem;
import dev.steward.platform.security.PlatformPermissions;
import dev.steward.platform.spi.DeadlineSource;
import dev.steward.platform.spi.RequiresPermission;
import jakarta.annotation.security.PermitAll;

import dev.steward.platform.ui.DisplayTime;

import java.time.ZoneId;
import java.util.List;

/** Everything due across modules, grouped Overdue / Today / This week / Later; mine, or my team's. */
@Route("my-work")
@PageTitle("My work · Steward")
@PermitAll
@RequiresPermission(PlatformPermissions.DASHBOARD)
public class MyWorkView extends VerticalLayout {

    final Tab mine = new Tab("Mine");
    final Tab team = new Tab("My team");
    final Tabs tabs = new Tabs(mine, team);
    final ComboBox<String> module = new ComboBox<>();
    final ComboBox<DeadlineSource.Severity> severity = new ComboBox<>();
    final VerticalLayout groups = new VerticalLayout();
    private final DeadlineService deadlines;
    private final ExtensionRegistry registry;
    private final PermissionCatalog permissions;
    /** The user's zone: "due today" and "this week" are their days. */
    private final ZoneId zone = DisplayTime.zone();

    public MyWorkView(DeadlineService deadlines, ExtensionRegistry registry, PermissionCatalog permissions) {
        this.deadlines = deadlines;
        this.registry = registry;
        this.permissions = permissions;
        module.setPlaceholder("Any module");
        module.setClearButtonVisible(true);
        severity.setPlaceholder("Any severity");
        severity.setItems(DeadlineSource.Severity.values());
        severity.setClearButtonVisible(true);
        tabs.addSelectedChangeListener(e -> refresh());
        module.addValueChangeListener(e -> refresh());
        severity.addValueChangeListener(e -> refresh());
        groups.setPadding(false);
        FlexLayout filters = new FlexLayout(tabs, module, severity);
        filters.getStyle().set("gap", "var(--lumo-space-m)");
        filters.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        add(new H2("My work"), filters, groups);
        refresh();
    }

    void refresh() {
        List<WorkItem> all = tabs.getSelectedTab() == team ? deadlines.teamWork(zone) : deadlines.myWork(zone);
        module.setItems(all.stream().map(i -> i.deadline().module()).distinct().sorted().toList());
        List<WorkItem> shown = all.stream()
                .filter(i -> module.getValue() == null || module.getValue().equals(i.deadline().module()))
                .filter(i -> severity.getValue() == null || severity.getValue() == i.deadline().severity()).toList();
        groups.removeAll();
        if (shown.isEmpty()) {
            groups.add(new Paragraph(tabs.getSelectedTab() == team
                    ? "Nothing due for your team. Managers see their reports' items of the modules they may read "
                    + "(matched by email in the people directory); module officers see all of their module's."
                    : nothingMine()));
        }
        for (WorkGroup group : WorkGroup.values()) {
            List<WorkItem> items = shown.stream().filter(i -> i.group() == group).toList();
            if (!items.isEmpty()) {
                groups.add(new H3(group.label() + " (" + items.size() + ")"), grid(items));
            }
        }
    }

    private String nothingMine() {
        ModuleRoles modules = ModuleRoles.of(registry, permissions);
        return modules.none()
                ? "Nothing due: you have no role in any module yet, so no deadline is yours. An administrator grants roles under Users."
                : "Nothing due. Deadlines from " + ModuleRoles.list(modules.enabled()) + " appear here when they are yours.";
    }

    private Grid<WorkItem> grid(List<WorkItem> items) {
        Grid<WorkItem> grid = new Grid<>();
        grid.addComponentColumn(i -> new Anchor(i.deadline().link(), i.deadline().title())).setHeader("What").setFlexGrow(1);
        grid.addColumn(i -> DisplayTime.due(i.deadline().due())).setHeader("Due").setAutoWidth(true);
        grid.addColumn(i -> i.deadline().severity().name().toLowerCase()).setHeader("Severity").setAutoWidth(true);
        grid.addColumn(i -> i.deadline().module()).setHeader("Module").setAutoWidth(true);
        grid.addColumn(i -> i.deadline().owner()).setHeader("Owner").setAutoWidth(true);
        grid.setItems(items);
        grid.setAllRowsVisible(true);
        return grid;
    }
}
