package dev.steward.console.ui;

import com.vaadin.flow.component.icon.VaadinIcon;
import dev.steward.console.ui.admin.ApiTokensView;
import dev.steward.console.ui.admin.PluginsView;
import dev.steward.console.ui.admin.RolesView;
import dev.steward.console.ui.admin.UsersView;
import dev.steward.console.ui.audit.AuditLogView;
import dev.steward.console.ui.jobs.JobsView;
import dev.steward.console.ui.mywork.MyWorkView;
import dev.steward.console.ui.notifications.OutboxView;
import dev.steward.console.ui.shell.DashboardView;
import dev.steward.console.ui.start.GettingStartedView;
import dev.steward.platform.security.PlatformPermissions;
import dev.steward.platform.spi.ui.NavigationContribution;
import dev.steward.platform.spi.ui.NavigationItem;
import org.springframework.stereotype.Component;

import java.util.List;

/** The host's own menu entries; plugins add theirs the same way. */
@Component
class ConsoleNavigation implements NavigationContribution {

    static final String OVERVIEW = "Overview";
    static final String DIRECTORY = "Directory";
    static final String ADMINISTRATION = "Administration";

    @Override
    public List<NavigationItem> navigationItems() {
        return List.of(
                new NavigationItem("Dashboard", OVERVIEW, VaadinIcon.DASHBOARD, DashboardView.class, PlatformPermissions.DASHBOARD, 0),
                new NavigationItem("My work", OVERVIEW, VaadinIcon.TASKS, MyWorkView.class, PlatformPermissions.DASHBOARD, 10),
                new NavigationItem("Getting started", ADMINISTRATION, VaadinIcon.CHECK_SQUARE_O, GettingStartedView.class, PlatformPermissions.GETTING_STARTED, 890),
                new NavigationItem("Users", ADMINISTRATION, VaadinIcon.USER_CARD, UsersView.class, PlatformPermissions.USERS_MANAGE, 900),
                new NavigationItem("Roles & permissions", ADMINISTRATION, VaadinIcon.KEY, RolesView.class, PlatformPermissions.USERS_MANAGE, 910),
                new NavigationItem("Plugins", ADMINISTRATION, VaadinIcon.PLUG, PluginsView.class, PlatformPermissions.PLUGINS_MANAGE, 920),
                new NavigationItem("Audit log", ADMINISTRATION, VaadinIcon.RECORDS, AuditLogView.class, PlatformPermissions.AUDIT_READ, 930),
                new NavigationItem("Jobs", ADMINISTRATION, VaadinIcon.TIMER, JobsView.class, PlatformPermissions.JOBS_MANAGE, 940),
                new NavigationItem("Mail outbox", ADMINISTRATION, VaadinIcon.ENVELOPES, OutboxView.class, PlatformPermissions.OUTBOX_MANAGE, 950),
                new NavigationItem("API tokens", ADMINISTRATION, VaadinIcon.CONNECT, ApiTokensView.class, PlatformPermissions.API_TOKENS_MANAGE, 960));
    }
}
