package dev.steward.vendors.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import dev.steward.platform.export.ui.ExportDialog;
import dev.steward.vendors.exports.SubProcessorList;
import dev.steward.vendors.imports.RegistryExport;

/** The registry's downloads: the public sub-processor list for customers (CSV and PDF) and everything as a zip. */
class ExportsDialog extends Dialog {

    final Button subProcessorsCsv = new Button("Sub-processor list (CSV)");
    final Button subProcessorsPdf = new Button("Sub-processor list (PDF)");
    final Button everything = new Button("Everything (zip of CSV files)");

    ExportsDialog(SubProcessorList subProcessors, RegistryExport registry) {
        setHeaderTitle("Exports");
        subProcessorsCsv.addClickListener(e -> new ExportDialog("Sub-processor list", "sub-processors.csv", "text/csv", 0,
                (out, progress) -> subProcessors.writeCsv(out)).open());
        subProcessorsPdf.addClickListener(e -> new ExportDialog("Sub-processor list", "sub-processors.pdf", "application/pdf", 0,
                (out, progress) -> subProcessors.writePdf(out)).open());
        everything.addClickListener(e -> new ExportDialog("Vendor registry", "vendor-registry.zip", "application/zip", 0, registry::writeZip).open());
        VerticalLayout buttons = new VerticalLayout(new Paragraph("For customers: every active processor and sub-processor, what it does, "
                + "where, and the transfer safeguard; nothing internal."), subProcessorsCsv, subProcessorsPdf,
                new Paragraph("For audits and backups: vendors, services and processing (in the import format), contracts, certifications, "
                        + "sub-processor links, assessments with findings, tier history."), everything);
        buttons.setPadding(false);
        add(buttons);
        getFooter().add(new Button("Close", e -> close()));
    }
}
