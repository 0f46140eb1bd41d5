package dev.steward.reviews.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import dev.steward.platform.security.CurrentUser;
import dev.steward.platform.security.PermissionCatalog;
import dev.steward.platform.spi.RequiresPermission;
import dev.steward.platform.ui.DisplayTime;
import dev.steward.platform.ui.WhoCan;
import dev.steward.reviews.ReviewPermissions;
import dev.steward.reviews.remediation.RemediationItem;
import dev.steward.reviews.remediation.RemediationService;
import dev.steward.reviews.systems.SystemInfo;
import dev.steward.reviews.systems.SystemService;
import jakarta.annotation.security.PermitAll;

/**
 * Revocations to carry out per system, their CSV for the people who remove access, and what imports verified. Marking
 * one done asks for the ticket, failed for the reason; each revocation's history of marks opens from its row.
 */
@Route("reviews/remediation")
@PageTitle("Remediation · Access reviews · Steward")
@PermitAll
@RequiresPermission(ReviewPermissions.READ)
public class RemediationView extends VerticalLayout {

    final ComboBox<SystemInfo> system = new ComboBox<>();
    final ComboBox<RemediationItem.Status> status = new ComboBox<>();
    final Grid<RemediationItem> grid = new Grid<>();
    final Anchor export = new Anchor();
    /** The last history opened, for tests. */
    com.vaadin.flow.component.dialog.Dialog historyDialog;
    private final RemediationService remediation;
    /** Says who marks revocations and exports them, to a user who may only read them. */
    final Paragraph whoMarks;
    private final boolean canAdminister = CurrentUser.hasPermission(ReviewPermissions.ADMIN);

    public RemediationView(RemediationService remediation, SystemService systems, PermissionCatalog permissions) {
        this.remediation = remediation;
        WhoCan mayMark = WhoCan.permission(permissions, ReviewPermissions.ADMIN);
        whoMarks = mayMark.note(mayMark.onlyCan("mark revocations done or failed and export a system's open items")
                + "; you can read them and their history.");
        setSizeFull();
        system.setPlaceholder("Any system");
        system.setItems(systems.list());
        system.setItemLabelGenerator(SystemInfo::name);
        system.setClearButtonVisible(true);
        status.setPlaceholder("Any status");
        status.setItems(RemediationItem.Status.values());
        status.setItemLabelGenerator(RemediationView::label);
        status.setClearButtonVisible(true);
        system.addValueChangeListener(e -> refresh());
        status.addValueChangeListener(e -> refresh());
        grid.addColumn(RemediationItem::system).setHeader("System").setFlexGrow(1).setWidth("5rem");
        grid.addColumn(RemediationItem::accountName).setHeader("Account").setFlexGrow(2).setWidth("8rem");
        grid.addColumn(RemediationItem::entitlement).setHeader("Entitlement").setFlexGrow(2).setWidth("7rem");
        grid.addColumn(i -> i.personName() == null ? "" : i.personName()).setHeader("Person").setFlexGrow(2).setWidth("6rem");
        grid.addColumn(i -> label(i.status())).setHeader("Status").setFlexGrow(1).setWidth("6rem");
        grid.addColumn(i -> i.note() == null ? "" : i.note()).setHeader("Ticket or reason").setFlexGrow(2).setWidth("6rem");
        grid.addColumn(i -> i.updatedAt() == null ? "" : i.updatedBy() + ", " + DisplayTime.format(i.updatedAt())).setHeader("Updated")
                .setFlexGrow(1).setWidth("7rem");
        grid.addColumn(RemediationItem::campaign).setHeader("Campaign").setFlexGrow(1).setWidth("6rem");
        grid.addComponentColumn(this::actions).setKey("actions").setAutoWidth(true).setFlexGrow(0).setFrozenToEnd(true);
        grid.addThemeVariants(com.vaadin.flow.component.grid.GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setSizeFull();
        export.setText("Export open items of the system (CSV)");
        export.setVisible(false);
        add(new H2("Remediation"), whoMarks, new HorizontalLayout(system, status, export), grid);
        refresh();
    }

    private Component actions(RemediationItem item) {
        HorizontalLayout actions = new HorizontalLayout();
        if (canAdminister && item.status() != RemediationItem.Status.VERIFIED) {
            for (RemediationItem.Status target : new RemediationItem.Status[]{RemediationItem.Status.DONE, RemediationItem.Status.FAILED}) {
                boolean done = target == RemediationItem.Status.DONE;
                Button mark = new Button(done ? "Done" : "Failed", e -> new CommentDialog(
                        (done ? "Removed: " : "Could not remove: ") + item.entitlement() + " of " + item.accountName(),
                        done ? "Ticket or change reference" : "Why could it not be removed?", note -> {
                            remediation.mark(item.id(), item.version(), target, note);
                            refresh();
                        }).open());
                mark.addThemeVariants(ButtonVariant.LUMO_SMALL);
                mark.setEnabled(item.status() != target);
                actions.add(mark);
            }
        }
        Button history = new Button("History", e -> history(item));
        history.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        actions.add(history);
        return actions;
    }

    /** Every mark of the revocation, by people and by imports. */
    void history(RemediationItem item) {
        Grid<RemediationService.Mark> marks = new Grid<>();
        marks.addColumn(m -> DisplayTime.format(m.markedAt())).setHeader("When").setAutoWidth(true);
        marks.addColumn(m -> label(m.status())).setHeader("Status").setAutoWidth(true);
        marks.addColumn(m -> m.snapshot() == null ? m.markedBy() : "import, snapshot #" + m.snapshot()).setHeader("By").setAutoWidth(true);
        marks.addColumn(m -> m.note() == null ? "" : m.note()).setHeader("Ticket, reason or finding").setFlexGrow(1);
        marks.addThemeVariants(com.vaadin.flow.component.grid.GridVariant.LUMO_WRAP_CELL_CONTENT);
        marks.setItems(remediation.history(item.id()));
        marks.setAllRowsVisible(true);
        historyDialog = new com.vaadin.flow.component.dialog.Dialog(marks);
        historyDialog.setHeaderTitle("History: " + item.entitlement() + " of " + item.accountName() + " (" + item.system() + ")");
        historyDialog.setWidth("min(56rem, 95vw)");
        historyDialog.getFooter().add(new Button("Close", e -> historyDialog.close()));
        historyDialog.open();
    }

    private static String label(RemediationItem.Status status) {
        return status == RemediationItem.Status.NOT_REMOVED ? "revoked but not removed" : status.name().toLowerCase();
    }

    void refresh() {
        Long systemId = system.getValue() == null ? null : system.getValue().id();
        grid.setItems(q -> remediation.list(systemId, status.getValue(), q.getOffset(), q.getLimit()).stream(),
                q -> remediation.count(systemId, status.getValue()));
        export.setVisible(canAdminister && systemId != null);
        if (systemId != null) {
            export.setHref((DownloadHandler) event -> {
                event.setFileName("remediation-" + system.getValue().code() + ".csv");
                event.setContentType("text/csv; charset=UTF-8");
                remediation.exportOpen(systemId, event.getOutputStream());
            });
        }
    }
}
