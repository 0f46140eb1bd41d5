package dev.steward.platform.plugin;

import dev.steward.platform.spi.EntityLinkProvider;
import dev.steward.platform.spi.GettingStartedStep;
import dev.steward.platform.spi.PermissionSet;
import dev.steward.platform.spi.PersonalDataHolders;
import dev.steward.platform.spi.PlatformEventListener;
import dev.steward.platform.spi.ScheduledJob;
import dev.steward.platform.spi.SearchProvider;
import dev.steward.platform.spi.ui.DashboardWidget;
import dev.steward.platform.spi.ui.NavigationContribution;
import dev.steward.platform.spi.ui.ViewContribution;

import java.util.List;

/** Says in words what a contribution adds, for the Plugins page. */
final class ContributionDescriber {

    private ContributionDescriber() {
    }

    static List<String> describe(Object contribution) {
        return switch (contribution) {
            case NavigationContribution nav -> nav.navigationItems().stream()
                    .map(i -> i.group() + " / " + i.label() + " (" + i.requiredPermission() + ")").toList();
            case ViewContribution views -> views.views().stream().map(Class::getName).toList();
            case DashboardWidget widget -> List.of(widget.title() + " (" + widget.requiredPermission() + ")");
            case ScheduledJob job -> List.of(job.id() + " (" + job.schedule() + ")");
            case SearchProvider search -> List.of(search.group() + " (" + search.requiredPermission() + ")");
            case EntityLinkProvider links -> List.of(links.label() + " records as link targets (" + links.type() + ", " + links.requiredPermission() + ")");
            case PlatformEventListener listener -> List.of("hears people directory and link events ("
                    + org.springframework.util.ClassUtils.getUserClass(listener).getSimpleName() + ")");
            case GettingStartedStep step -> List.of("getting started: " + step.title() + " (" + step.requiredPermission() + ")");
            case PersonalDataHolders holders -> List.of("where personal data is held, for rights requests ("
                    + org.springframework.util.ClassUtils.getUserClass(holders).getSimpleName() + ")");
            case PermissionSet set -> set.permissions().stream().map(p -> p.key() + " -> " + p.defaultRoles()).toList();
            default -> List.of(org.springframework.util.ClassUtils.getUserClass(contribution).getName());
        };
    }
}
