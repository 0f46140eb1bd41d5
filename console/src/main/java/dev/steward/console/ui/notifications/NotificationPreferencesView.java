package dev.steward.console.ui.notifications;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.steward.platform.ui.Toasts;
import dev.steward.platform.notifications.EmailMode;
import dev.steward.platform.notifications.NotificationCenter;
import dev.steward.platform.plugin.ExtensionRegistry;
import dev.steward.platform.security.PlatformPermissions;
import dev.steward.platform.spi.NotificationTemplate;
import dev.steward.platform.spi.RequiresPermission;
import jakarta.annotation.security.PermitAll;

/** Each user chooses, per kind of notification, the bell and email now, as a daily digest, or not at all. */
@Route("account/notifications")
@PageTitle("My notifications · Steward")
@PermitAll
@RequiresPermission(PlatformPermissions.DASHBOARD)
public class NotificationPreferencesView extends VerticalLayout {

    final Grid<NotificationCenter.Preference> grid = new Grid<>();

    public NotificationPreferencesView(NotificationCenter notifications, ExtensionRegistry registry) {
        setSizeFull();
        add(new H2("My notifications"), new Paragraph("How you want to hear about each kind of event. Deadlines and "
                + "escalations that concern you are still shown on My work."));
        var kinds = registry.contributions(NotificationTemplate.class).stream().map(NotificationTemplate::kind).toList();
        grid.addColumn(NotificationCenter.Preference::kind).setHeader("Kind").setAutoWidth(true);
        grid.addComponentColumn(p -> {
            Checkbox inApp = new Checkbox(p.inApp());
            inApp.addValueChangeListener(e -> save(notifications, p.kind(), e.getValue(), p.email()));
            return inApp;
        }).setHeader("In the app").setAutoWidth(true);
        grid.addComponentColumn(p -> {
            Select<EmailMode> email = new Select<>();
            email.setItems(EmailMode.values());
            email.setItemLabelGenerator(EmailMode::label);
            email.setValue(p.email());
            email.addValueChangeListener(e -> save(notifications, p.kind(), p.inApp(), e.getValue()));
            return email;
        }).setHeader("By email").setAutoWidth(true);
        grid.setItems(notifications.preferences(kinds));
        grid.setSizeFull();
        add(grid);
    }

    private static void save(NotificationCenter notifications, String kind, boolean inApp, EmailMode email) {
        notifications.setPreference(kind, inApp, email);
        Toasts.success("Saved");
    }
}
