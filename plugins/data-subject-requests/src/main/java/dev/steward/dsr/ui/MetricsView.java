package dev.steward.dsr.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.steward.dsr.DsrPermissions;
import dev.steward.dsr.records.RequestMetrics;
import dev.steward.dsr.records.YearlyMetrics;
import dev.steward.platform.export.ui.ExportDialog;
import dev.steward.platform.spi.RequiresPermission;
import jakarta.annotation.security.PermitAll;

import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/** The yearly request metrics a business publishes (11 CCR 7102), with CSV and PDF for the website. */
@Route("requests/metrics")
@PageTitle("Request metrics · Steward")
@PermitAll
@RequiresPermission(DsrPermissions.READ)
public class MetricsView extends VerticalLayout {

    final Select<Integer> year = new Select<>();
    final Grid<YearlyMetrics.Row> grid = new Grid<>();
    final Button csv = new Button("Export CSV", VaadinIcon.DOWNLOAD.create());
    final Button pdf = new Button("Export PDF", VaadinIcon.FILE_TEXT.create());
    ExportDialog lastExport;
    private final RequestMetrics metrics;

    public MetricsView(RequestMetrics metrics) {
        this.metrics = metrics;
        setSizeFull();
        int now = Year.now().getValue();
        year.setLabel("Calendar year");
        year.setItems(IntStream.rangeClosed(now - 5, now).boxed().sorted((a, b) -> b - a).toList());
        // the year to publish is the last one; a console without requests then shows the year under way
        year.setValue(metrics.of(now - 1).total().received() > 0 ? now - 1 : now);
        year.addValueChangeListener(e -> refresh());
        grid.addColumn(YearlyMetrics.Row::label).setHeader("Request").setFlexGrow(2);
        grid.addColumn(YearlyMetrics.Row::received).setHeader("Received").setAutoWidth(true);
        grid.addColumn(YearlyMetrics.Row::compliedInWhole).setHeader("Complied in whole").setAutoWidth(true);
        grid.addColumn(YearlyMetrics.Row::compliedInPart).setHeader("In part").setAutoWidth(true);
        grid.addColumn(YearlyMetrics.Row::denied).setHeader("Denied").setAutoWidth(true);
        grid.addColumn(YearlyMetrics.Row::unverified).setHeader("Not verified").setAutoWidth(true);
        grid.addColumn(YearlyMetrics.Row::withdrawn).setHeader("Withdrawn").setAutoWidth(true);
        grid.addColumn(YearlyMetrics.Row::stillOpen).setHeader("Still open").setAutoWidth(true);
        grid.addColumn(r -> r.medianDays() == null ? "–" : "%.1f".formatted(r.medianDays())).setHeader("Median days").setAutoWidth(true);
        grid.setAllRowsVisible(true);
        csv.addClickListener(e -> export(new ExportDialog("Request metrics " + year.getValue() + " (CSV)", "request-metrics-" + year.getValue() + ".csv",
                "text/csv; charset=UTF-8", 0, (out, progress) -> metrics.writeCsv(year.getValue(), out, progress))));
        pdf.addClickListener(e -> export(new ExportDialog("Request metrics " + year.getValue() + " (PDF)", "request-metrics-" + year.getValue() + ".pdf",
                "application/pdf", 0, (out, progress) -> metrics.writePdf(year.getValue(), out, progress))));
        HorizontalLayout bar = new HorizontalLayout(year, csv, pdf);
        bar.setAlignItems(Alignment.BASELINE);
        add(new H2("Request metrics"), new Paragraph("What a business above the CCPA threshold publishes each year (11 CCR 7102): "
                + "requests received, complied with in whole or in part, and denied, and the median days to respond. A request "
                + "asking for several things counts under each."), bar, grid);
        refresh();
    }

    void refresh() {
        YearlyMetrics m = metrics.of(year.getValue());
        List<YearlyMetrics.Row> rows = new ArrayList<>(m.rows());
        rows.add(m.total());
        grid.setItems(rows);
    }

    private void export(ExportDialog dialog) {
        lastExport = dialog;
        dialog.open();
    }
}
