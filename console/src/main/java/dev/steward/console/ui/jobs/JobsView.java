package dev.steward.console.ui.jobs;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.steward.platform.ui.Toasts;
import dev.steward.platform.jobs.JobRun;
import dev.steward.platform.jobs.JobService;
import dev.steward.platform.jobs.JobStatus;
import dev.steward.platform.security.PlatformPermissions;
import dev.steward.platform.spi.RequiresPermission;
import jakarta.annotation.security.PermitAll;

import java.time.Instant;
import dev.steward.platform.ui.DisplayTime;

/** Scheduled jobs: last run, duration, outcome and error, next run; run now. */
@Route("admin/jobs")
@PageTitle("Jobs · Steward")
@PermitAll
@RequiresPermission(PlatformPermissions.JOBS_MANAGE)
public class JobsView extends VerticalLayout {

    private static final int PROBLEMS_SHOWN = 20;

    final Grid<JobStatus> grid = new Grid<>();
    /** Recent failed and missed runs of every job: what needs an operator's look. */
    final Grid<JobRun> problems = new Grid<>();
    final Button refresh = new Button("Refresh");
    private final JobService jobs;

    public JobsView(JobService jobs) {
        this.jobs = jobs;
        setSizeFull();
        refresh.addClickListener(e -> refresh());
        add(new HorizontalLayout(new H2("Jobs"), refresh), new Paragraph("Recurring work of the platform and its "
                + "modules. Each tick runs on one console instance only; jobs of disabled modules do not run."));
        grid.addColumn(JobStatus::id).setHeader("Job").setAutoWidth(true); // its prefix names the module
        grid.addColumn(JobStatus::schedule).setHeader("Schedule").setAutoWidth(true);
        grid.addColumn(j -> j.lastRun() == null ? "never" : time(j.lastRun().startedAt())).setHeader("Last run").setAutoWidth(true);
        grid.addColumn(j -> j.lastRun() == null || j.lastRun().duration() == null || "MISSED".equals(j.lastRun().outcome()) ? ""
                        : j.lastRun().duration().toMillis() + " ms")
                .setHeader("Duration").setAutoWidth(true);
        grid.addComponentColumn(JobsView::outcome).setHeader("Outcome").setKey("outcome").setAutoWidth(true).setFlexGrow(1);
        grid.addColumn(j -> j.pluginEnabled() ? (j.nextRun() == null ? "" : time(j.nextRun())) : "module disabled")
                .setHeader("Next run").setAutoWidth(true);
        grid.addComponentColumn(this::runNow).setHeader("").setKey("run").setAutoWidth(true).setFrozenToEnd(true);
        grid.setItemDetailsRenderer(new com.vaadin.flow.data.renderer.ComponentRenderer<>(j -> new Paragraph(j.description())));
        grid.setSizeFull();
        grid.setId("jobs");
        add(grid);
        problems.addColumn(JobRun::jobId).setHeader("Job").setAutoWidth(true);
        problems.addColumn(r -> time(r.startedAt())).setHeader("Due or started").setAutoWidth(true);
        problems.addColumn(r -> "MISSED".equals(r.outcome()) ? "missed" : "failed").setHeader("Outcome").setKey("outcome").setAutoWidth(true);
        problems.addColumn(r -> r.error() == null ? "" : r.error()).setHeader("What happened").setKey("detail").setFlexGrow(1)
                .setTooltipGenerator(r -> r.error() == null ? "" : r.error());
        problems.setHeight("16em");
        problems.setId("failed-and-missed-runs");
        add(new H3("Failed and missed runs"), problems);
        refresh();
    }

    void refresh() {
        grid.setItems(jobs.jobs());
        problems.setItems(jobs.failedAndMissed(PROBLEMS_SHOWN));
    }

    private Component runNow(JobStatus job) {
        Button button = new Button("Run now", e -> {
            try {
                jobs.runNow(job.id());
                Toasts.success(job.id() + " started; press Refresh to see its outcome");
            } catch (RuntimeException ex) {
                Toasts.error(ex.getMessage());
            }
        });
        button.addThemeVariants(ButtonVariant.LUMO_SMALL);
        button.setEnabled(job.pluginEnabled());
        return button;
    }

    private static Component outcome(JobStatus job) {
        JobRun last = job.lastRun();
        if (last == null) {
            return new Span("");
        }
        Span outcome = new Span(last.outcome().toLowerCase() + (last.error() == null ? "" : ": " + last.error()));
        outcome.addClassNames("steward-badge", "SUCCEEDED".equals(last.outcome()) ? "enabled" : "FAILED".equals(last.outcome()) ? "failed" : "");
        return outcome;
    }

    private static String time(Instant instant) {
        return DisplayTime.format(instant);
    }
}
