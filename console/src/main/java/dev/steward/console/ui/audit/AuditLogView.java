package dev.steward.console.ui.audit;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.steward.platform.ui.Toasts;
import dev.steward.platform.audit.AuditEntry;
import dev.steward.platform.audit.AuditLogQuery;
import dev.steward.platform.audit.AuditVerifier;
import dev.steward.platform.export.ExportProgress;
import dev.steward.platform.export.PdfReport;
import dev.steward.platform.export.SafeCsv;
import dev.steward.platform.export.ui.ExportDialog;

import java.io.OutputStream;
import dev.steward.platform.security.PlatformPermissions;
import dev.steward.platform.spi.RequiresPermission;
import jakarta.annotation.security.PermitAll;

import java.time.Instant;
import java.time.LocalDateTime;
import dev.steward.platform.ui.DisplayTime;

import java.time.ZoneId;

/** The audit log: filter by time, user, module, entity and action; verify the hash chain; export what is filtered. */
@Route("admin/audit")
@PageTitle("Audit log · Steward")
@PermitAll
@RequiresPermission(PlatformPermissions.AUDIT_READ)
public class AuditLogView extends VerticalLayout {


    final DateTimePicker from = new DateTimePicker("From");
    final DateTimePicker to = new DateTimePicker("To");
    final TextField actor = new TextField("User");
    final ComboBox<String> module = new ComboBox<>("Module");
    final TextField entityType = new TextField("Entity type");
    final TextField entityId = new TextField("Entity id");
    final TextField action = new TextField("Action");
    final Grid<AuditEntry> grid = new Grid<>();
    final Button verify = new Button("Verify chain");
    final Span verification = new Span();
    private final AuditLogQuery query;
    private final ZoneId zone = DisplayTime.zone();
    private volatile AuditLogQuery.Filter currentFilter = AuditLogQuery.Filter.none();

    public AuditLogView(AuditLogQuery query, AuditVerifier verifier) {
        this.query = query;
        setSizeFull();
        module.setItems(query.modules());
        module.setClearButtonVisible(true);
        FlexLayout filters = new FlexLayout(from, to, actor, module, entityType, entityId, action);
        filters.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        filters.addClassName("steward-filters");
        filters.getStyle().set("gap", "var(--lumo-space-s)");
        for (TextField field : new TextField[]{actor, entityType, entityId, action}) {
            field.setValueChangeMode(ValueChangeMode.LAZY);
            field.setClearButtonVisible(true);
            field.addValueChangeListener(e -> refresh());
        }
        from.addValueChangeListener(e -> refresh());
        to.addValueChangeListener(e -> refresh());
        module.addValueChangeListener(e -> refresh());

        verify.addClickListener(e -> {
            AuditVerifier.Result result = verifier.verify();
            verification.setText(result.summary());
            verification.getStyle().set("color", result.intact() ? "var(--lumo-success-text-color)" : "var(--lumo-error-text-color)");
            if (!result.intact()) {
                Toasts.error(result.summary());
            }
        });
        Button exportCsv = new Button("Export CSV", e -> export("audit-log.csv", "text/csv", this::writeCsv));
        Button exportPdf = new Button("Export PDF", e -> export("audit-log.pdf", "application/pdf", this::writePdf));
        add(new HorizontalLayout(new H2("Audit log"), verify, exportCsv, exportPdf), verification, filters);

        grid.addColumn(e -> DisplayTime.format(e.occurredAt())).setHeader("When").setAutoWidth(true);
        grid.addColumn(AuditEntry::actor).setHeader("User").setAutoWidth(true);
        grid.addColumn(AuditEntry::module).setHeader("Module").setAutoWidth(true);
        grid.addColumn(AuditEntry::entityType).setHeader("Entity").setAutoWidth(true);
        grid.addColumn(AuditEntry::entityId).setHeader("Id").setAutoWidth(true);
        grid.addColumn(AuditEntry::action).setHeader("Action").setAutoWidth(true);
        grid.addColumn(AuditLogView::change).setHeader("Change").setFlexGrow(1);
        grid.addColumn(AuditEntry::clientIp).setHeader("From").setAutoWidth(true);
        grid.setSizeFull();
        add(grid);
        refresh();
    }

    private static String change(AuditEntry e) {
        String text = (e.before() == null ? "" : e.before() + " → ") + (e.after() == null ? "" : e.after());
        return (e.reason() == null ? "" : e.reason() + " ") + text;
    }

    AuditLogQuery.Filter filter() {
        return new AuditLogQuery.Filter(instant(from.getValue()), instant(to.getValue()), actor.getValue(),
                module.getValue(), entityType.getValue(), entityId.getValue(), action.getValue());
    }

    private Instant instant(LocalDateTime value) {
        return value == null ? null : value.atZone(zone).toInstant();
    }

    private void refresh() {
        AuditLogQuery.Filter filter = filter();
        currentFilter = filter;
        grid.setItems(q -> query.page(filter, q.getOffset(), q.getLimit()).stream(), q -> query.count(filter));
    }

    private void export(String fileName, String contentType, ExportDialog.Job job) {
        new ExportDialog("Export the audit log", fileName, contentType, query.count(currentFilter), job).open();
    }

    /** The filtered entries, oldest first, page by page: the export never holds the log in memory. */
    void writeCsv(OutputStream out, ExportProgress progress) {
        long[] rows = {0};
        try (SafeCsv csv = SafeCsv.open(out, "id", "occurred_at", "actor", "client_ip", "module", "entity_type",
                "entity_id", "action", "before", "after", "reason", "prev_hash", "hash")) {
            query.forEach(currentFilter, e -> {
                csv.row(e.id(), e.occurredAt(), e.actor(), e.clientIp(), e.module(), e.entityType(),
                        e.entityId(), e.action(), e.before(), e.after(), e.reason(), e.prevHash(), e.hash());
                tick(progress, ++rows[0]);
            });
        }
        progress.rowsWritten(rows[0]);
    }

    void writePdf(OutputStream out, ExportProgress progress) {
        long[] rows = {0};
        try (PdfReport pdf = PdfReport.start(out, "Audit log")) {
            pdf.meta("Filter", describe(currentFilter)).meta("Chain", "each entry's hash covers the previous hash; verify with ./steward verify-audit");
            pdf.table("#", "When (UTC)", "User", "Module", "Entity", "Id", "Action", "Change");
            query.forEach(currentFilter, e -> {
                pdf.row(e.id(), e.occurredAt(), e.actor(), e.module(), e.entityType(), e.entityId(), e.action(), change(e));
                tick(progress, ++rows[0]);
            });
        }
        progress.rowsWritten(rows[0]);
    }

    private static void tick(ExportProgress progress, long rows) {
        if (rows % 500 == 0) {
            progress.rowsWritten(rows);
            if (progress.cancelled()) {
                throw new ExportProgress.Cancelled();
            }
        }
    }

    private static String describe(AuditLogQuery.Filter f) {
        String text = java.util.stream.Stream.of(f.from() == null ? null : "from " + f.from(), f.to() == null ? null : "to " + f.to(),
                f.actor(), f.module(), f.entityType(), f.entityId(), f.action())
                .filter(v -> v != null && !v.isBlank()).collect(java.util.stream.Collectors.joining(", "));
        return text.isEmpty() ? "everything" : text;
    }
}
