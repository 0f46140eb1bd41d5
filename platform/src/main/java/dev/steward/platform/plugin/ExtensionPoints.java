package dev.steward.platform.plugin;

import dev.steward.platform.spi.ApiDescription;
import dev.steward.platform.spi.AttachmentAccess;
import dev.steward.platform.spi.CatalogUsage;
import dev.steward.platform.spi.DeadlineSource;
import dev.steward.platform.spi.EntityLinkProvider;
import dev.steward.platform.spi.GettingStartedStep;
import dev.steward.platform.spi.NotificationTemplate;
import dev.steward.platform.spi.PermissionSet;
import dev.steward.platform.spi.PersonalDataHolders;
import dev.steward.platform.spi.PlatformEventListener;
import dev.steward.platform.spi.SampleData;
import dev.steward.platform.spi.ScheduledJob;
import dev.steward.platform.spi.SearchProvider;
import dev.steward.platform.spi.ui.DashboardWidget;
import dev.steward.platform.spi.ui.NavigationContribution;
import dev.steward.platform.spi.ui.ViewContribution;

import java.util.List;

/**
 * The extension points the host knows. A plugin contributes to one by declaring a Spring bean that implements it;
 * the registry lists contributions per point. Later platform services add their points here.
 */
public final class ExtensionPoints {

    public static final List<Class<?>> ALL = List.of(
            NavigationContribution.class,
            ViewContribution.class,
            DashboardWidget.class,
            PermissionSet.class,
            SearchProvider.class,
            ScheduledJob.class,
            CatalogUsage.class,
            NotificationTemplate.class,
            DeadlineSource.class,
            AttachmentAccess.class,
            EntityLinkProvider.class,
            ApiDescription.class,
            PlatformEventListener.class,
            GettingStartedStep.class,
            SampleData.class,
            PersonalDataHolders.class);

    private ExtensionPoints() {
    }
}
