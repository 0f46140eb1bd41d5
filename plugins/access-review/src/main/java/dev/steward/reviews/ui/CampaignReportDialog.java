package dev.steward.reviews.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.progressbar.ProgressBar;
import dev.steward.platform.export.ui.ExportDialog;
import dev.steward.reviews.evidence.CampaignReport;
import dev.steward.reviews.evidence.CampaignReports;
import dev.steward.reviews.evidence.EvidencePack;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A campaign's report for owners and auditors, with the evidence pack to download. */
class CampaignReportDialog extends Dialog {

    final Grid<Map.Entry<String, String>> measures = new Grid<>();
    final Button evidence = new Button("Evidence pack (zip)", VaadinIcon.DOWNLOAD.create());
    /** The last export started, for tests. */
    ExportDialog export;

    CampaignReportDialog(CampaignReport report, EvidencePack pack) {
        var c = report.campaign();
        var t = report.totals();
        setHeaderTitle("Report: " + c.name());
        ProgressBar completion = new ProgressBar(0, 1, t.completion());
        List<Map.Entry<String, String>> rows = new ArrayList<>();
        rows.add(Map.entry("Items reviewed by a person", t.reviewedByAPerson()));
        rows.add(Map.entry("Decided by the no-response rule", t.decidedByTheRule()));
        rows.add(Map.entry("Privileged or flagged items kept by the no-response rule", String.valueOf(t.sensitiveKeptByRule())));
        rows.add(Map.entry("Pending", String.valueOf(t.pending())));
        rows.add(Map.entry("Items", String.valueOf(t.items())));
        rows.add(Map.entry("Approved / revoked by reviewers", t.approved() + " / " + t.revoked()));
        rows.add(Map.entry("Reviewers", String.valueOf(report.reviewers().size())));
        rows.add(Map.entry("Bulk decisions", t.bulk() + " (" + percent(t.bulkShare()) + ")"));
        rows.add(Map.entry("Quick approvals (< " + CampaignReports.QUICK_SECONDS + " s after the previous decision)",
                String.valueOf(report.quickApprovals())));
        rows.add(Map.entry("Median time to decide", report.medianHoursToDecide() == null ? "–"
                : String.format(Locale.ROOT, "%.1f h", report.medianHoursToDecide())));
        rows.add(Map.entry("Routed to the fallback reviewer", String.valueOf(t.routedToFallback())));
        rows.add(Map.entry("Reassigned / delegated", report.reassigned() + " / " + report.delegated()));
        rows.add(Map.entry("Escalations", String.valueOf(report.escalations())));
        report.remediation().forEach((status, n) -> rows.add(Map.entry("Remediation " + status.toLowerCase().replace('_', ' '),
                String.valueOf(n))));
        measures.addColumn(Map.Entry::getKey).setHeader("Measure").setFlexGrow(2);
        measures.addColumn(Map.Entry::getValue).setHeader("Value").setFlexGrow(1);
        measures.setItems(rows);
        measures.setAllRowsVisible(true);
        add(new Paragraph("Systems: " + String.join(", ", report.systems())),
                new H4("Completion by reviewers: " + percent(t.completion())), completion, measures);
        evidence.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        evidence.addClickListener(e -> {
            export = new ExportDialog("Evidence pack: " + c.name(), EvidencePack.fileName(c), "application/zip",
                    pack.rows(c.id()), (out, progress) -> pack.write(c.id(), out, progress));
            export.open();
        });
        getFooter().add(new Button("Close", e -> close()), evidence);
        setWidth("min(48rem, 95vw)");
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f %%", share * 100);
    }
}
