package dev.steward.platform.links.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.QueryParameters;
import dev.steward.platform.links.EntityLinks;
import dev.steward.platform.links.EntityRef;
import dev.steward.platform.links.LinkRejectedException;
import dev.steward.platform.links.LinkedRecord;
import dev.steward.platform.security.CurrentUser;
import dev.steward.platform.spi.EntityLinkProvider;
import dev.steward.platform.ui.DisplayTime;
import dev.steward.platform.ui.Toasts;

/**
 * "Linked records" for any record's page: what other modules' records it is linked to (only those the user may
 * see), a button to link one more, one to unlink, and one per module that can create a record already linked to
 * this one ("New incident" on a vendor). Every action goes through {@link EntityLinks}, which checks the rights.
 */
public class LinkedRecordsPanel extends VerticalLayout {

    final Grid<LinkedRecord> grid = new Grid<>();
    final Paragraph hidden = new Paragraph();
    final Button link = new Button("Link a record", VaadinIcon.LINK.create());
    final HorizontalLayout actions = new HorizontalLayout();
    final Paragraph whoCan;
    private final EntityLinks links;
    private final EntityRef self;

    public LinkedRecordsPanel(EntityLinks links, EntityRef self) {
        this.links = links;
        this.self = self;
        setPadding(false);
        grid.addColumn(LinkedRecord::typeLabel).setHeader("Type").setAutoWidth(true);
        grid.addComponentColumn(this::title).setHeader("Record").setFlexGrow(2);
        grid.addColumn(l -> l.target().detail() == null ? "" : l.target().detail()).setHeader("Detail").setFlexGrow(1);
        grid.addColumn(l -> l.note() == null ? "" : l.note()).setHeader("Note").setFlexGrow(1);
        grid.addColumn(l -> l.createdBy() + ", " + DisplayTime.format(l.createdAt())).setHeader("Linked").setAutoWidth(true);
        grid.addComponentColumn(this::unlinkButton).setKey("unlink").setAutoWidth(true).setFlexGrow(0);
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText("Not linked to any record you may see");
        hidden.getStyle().set("color", "var(--lumo-secondary-text-color)");
        link.addClickListener(e -> new LinkDialog(links, self, this::refresh).open());
        dev.steward.platform.ui.WhoCan mayLink = links.linkAccess(self);
        link.setVisible(mayLink.allowed());
        whoCan = mayLink.note(mayLink.onlyCan("link records here"));
        actions.add(link);
        for (EntityLinkProvider provider : links.visibleTypes()) {
            provider.newLinkedRecordRoute(self.type(), self.id())
                    .filter(route -> CurrentUser.hasPermission(provider.createPermission()))
                    .ifPresent(route -> actions.add(newRecordButton(provider.label(), route)));
        }
        add(actions, whoCan, grid, hidden);
        refresh();
    }

    public void refresh() {
        EntityLinks.Links current = links.linksOf(self);
        grid.setItems(current.visible());
        hidden.setText(current.hidden() == 0 ? "" : current.hidden() + (current.hidden() == 1 ? " more linked record" : " more linked records")
                + " you may not see");
        hidden.setVisible(current.hidden() > 0);
    }

    private Component title(LinkedRecord linked) {
        return new Anchor(linked.target().route(), linked.target().title());
    }

    private Component unlinkButton(LinkedRecord linked) {
        Button unlink = new Button(VaadinIcon.UNLINK.create(), e -> {
            try {
                links.unlink(linked.linkId());
                Toasts.success("Unlinked " + linked.target().title());
            } catch (LinkRejectedException rejected) {
                Toasts.error(rejected.getMessage());
            }
            refresh();
        });
        unlink.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        unlink.setAriaLabel("Unlink " + linked.target().title());
        unlink.setTooltipText("Unlink");
        unlink.setVisible(linked.mayUnlink());
        return unlink;
    }

    private Button newRecordButton(String label, String route) {
        Button button = new Button("New " + label.toLowerCase(), VaadinIcon.PLUS.create());
        int query = route.indexOf('?');
        String path = query < 0 ? route : route.substring(0, query);
        QueryParameters parameters = query < 0 ? QueryParameters.empty() : QueryParameters.fromString(route.substring(query + 1));
        button.addClickListener(e -> button.getUI().ifPresent(ui -> ui.navigate(path, parameters)));
        return button;
    }
}
