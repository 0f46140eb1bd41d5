package dev.steward.incidents.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.steward.incidents.BreachRegister;
import dev.steward.incidents.IncidentPermissions;
import dev.steward.platform.export.ui.ExportDialog;
import dev.steward.platform.spi.RequiresPermission;
import jakarta.annotation.security.PermitAll;

/** The Art. 33(5) register for auditors and authorities: every incident with facts, effects, remedies and decisions. */
@Route("incidents/register")
@PageTitle("Breach register · Steward")
@PermitAll
@RequiresPermission(IncidentPermissions.READ)
public class BreachRegisterView extends VerticalLayout {

    final Button csv = new Button("Export CSV", VaadinIcon.DOWNLOAD.create());
    final Button pdf = new Button("Export PDF", VaadinIcon.FILE_TEXT.create());
    ExportDialog lastExport;

    public BreachRegisterView(BreachRegister register) {
        csv.addClickListener(e -> export(new ExportDialog("Breach register (CSV)", "breach-register.csv", "text/csv; charset=UTF-8",
                register.count(), register::writeCsv)));
        pdf.addClickListener(e -> export(new ExportDialog("Breach register (PDF)", "breach-register.pdf", "application/pdf",
                register.count(), register::writePdf)));
        add(new H2("Breach register"),
                new Paragraph("Every incident, notified or not, with its facts, effects, remedial action and the decision on "
                        + "each notice (GDPR Art. 33(5)). " + register.count() + " incident(s)."),
                new HorizontalLayout(csv, pdf));
    }

    private void export(ExportDialog dialog) {
        lastExport = dialog;
        dialog.open();
    }
}
