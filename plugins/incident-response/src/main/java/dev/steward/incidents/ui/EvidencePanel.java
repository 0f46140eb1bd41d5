package dev.steward.incidents.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import dev.steward.incidents.Incident;
import dev.steward.incidents.IncidentPermissions;
import dev.steward.incidents.work.CustodyEntry;
import dev.steward.incidents.work.CustodyLog;
import dev.steward.platform.files.Attachment;
import dev.steward.platform.files.AttachmentService;
import dev.steward.platform.files.ui.AttachmentsPanel;
import dev.steward.platform.security.CurrentUser;
import dev.steward.platform.ui.DisplayTime;

import java.util.Map;
import java.util.stream.Collectors;

/** Evidence files (SHA-256, sniffed type, soft delete) with each item's chain of custody. */
class EvidencePanel extends VerticalLayout {

    final AttachmentsPanel files;
    final Grid<CustodyEntry> custodyGrid = new Grid<>();
    final Select<Attachment> item = new Select<>();
    final Select<CustodyEntry.Action> action = new Select<>();
    final TextField reason = new TextField();
    final Button record = new Button("Record handling");
    private final AttachmentService attachments;
    private final CustodyLog custody;
    private final Incident incident;

    EvidencePanel(AttachmentService attachments, CustodyLog custody, Incident incident) {
        this.attachments = attachments;
        this.custody = custody;
        this.incident = incident;
        setPadding(false);
        files = new AttachmentsPanel(attachments, CustodyLog.owner(incident.id()));
        files.addUploadListener(stored -> {
            custody.record(incident.id(), stored.id(), CustodyEntry.Action.COLLECTED, "Uploaded as evidence");
            refresh();
        });
        custodyGrid.addColumn(e -> DisplayTime.format(e.at())).setHeader("When").setAutoWidth(true);
        custodyGrid.addColumn(e -> fileNames().getOrDefault(e.attachmentId(), "#" + e.attachmentId())).setHeader("Item").setAutoWidth(true);
        custodyGrid.addColumn(e -> e.action().label()).setHeader("Action").setAutoWidth(true);
        custodyGrid.addColumn(CustodyEntry::actor).setHeader("By").setAutoWidth(true);
        custodyGrid.addColumn(CustodyEntry::reason).setHeader("Why").setFlexGrow(1);
        custodyGrid.setAllRowsVisible(true);
        item.setPlaceholder("Item");
        item.setItemLabelGenerator(Attachment::fileName);
        action.setItems(CustodyEntry.Action.values());
        action.setItemLabelGenerator(CustodyEntry.Action::label);
        action.setPlaceholder("Action");
        reason.setPlaceholder("Why, and to whom");
        record.addClickListener(e -> {
            custody.record(incident.id(), item.getValue() == null ? -1 : item.getValue().id(), action.getValue(), reason.getValue());
            reason.clear();
            refresh();
        });
        FlexLayout entry = new FlexLayout(item, action, reason, record);
        entry.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        entry.getStyle().set("gap", "var(--lumo-space-s)");
        entry.setVisible(CurrentUser.hasPermission(IncidentPermissions.WORK));
        add(files, new H4("Chain of custody"), custodyGrid, entry);
        refresh();
    }

    private Map<Long, String> fileNames() {
        return attachments.list(CustodyLog.owner(incident.id()), true).stream()
                .collect(Collectors.toMap(Attachment::id, Attachment::fileName));
    }

    private void refresh() {
        item.setItems(attachments.list(CustodyLog.owner(incident.id()), false));
        custodyGrid.setItems(custody.of(incident.id()));
    }
}
