package dev.steward.console.ui;

import dev.steward.testkit.console.KaribuTest;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import dev.steward.console.ui.jobs.JobsView;
import dev.steward.platform.jobs.JobService;
import dev.steward.platform.jobs.JobStatus;
import dev.steward.platform.plugin.ExtensionRegistry;
import dev.steward.platform.plugin.PluginDisabledException;
import dev.steward.platform.security.Role;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jooq.impl.DSL.table;

class JobsUiTest extends KaribuTest {

    @Autowired
    ExtensionRegistry registry;
    @Autowired
    JobService jobs;
    @Autowired
    DSLContext dsl;

    @AfterEach
    void enableSample() {
        registry.setEnabled("sample", true, "test");
    }

    private int row(Grid<JobStatus> grid, String jobId) {
        for (int i = 0; i < GridKt._size(grid); i++) {
            if (GridKt._get(grid, i).id().equals(jobId)) {
                return i;
            }
        }
        throw new AssertionError("No row for " + jobId);
    }

    @Test
    @SuppressWarnings("unchecked")
    void an_admin_runs_a_plugin_job_now_and_sees_its_outcome() throws Exception {
        loginAs("root", Role.ADMIN);
        UI.getCurrent().navigate(JobsView.class);
        Grid<JobStatus> grid = _get(Grid.class, spec -> spec.withId("jobs"));
        JobStatus sample = GridKt._get(grid, row(grid, "sample.count"));
        assertThat(sample.pluginId()).isEqualTo("sample");
        assertThat(sample.schedule()).isEqualTo("cron 0 0 3 * * *");
        assertThat(sample.nextRun()).isAfter(Instant.now());
        int ticksBefore = dsl.fetchCount(table("sample.job_tick"));

        _click((Button) GridKt._getCellComponent(grid, row(grid, "sample.count"), "run"));
        Instant deadline = Instant.now().plusSeconds(10);
        while (dsl.fetchCount(table("sample.job_tick")) == ticksBefore && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        Thread.sleep(200); // let the run record its outcome
        _click(_get(Button.class, spec -> spec.withText("Refresh")));
        JobStatus after = GridKt._get(grid, row(grid, "sample.count"));
        assertThat(dsl.fetchCount(table("sample.job_tick"))).isEqualTo(ticksBefore + 1);
        assertThat(after.lastRun().outcome()).isEqualTo("SUCCEEDED");
        assertThat(after.lastRun().manual()).isTrue();
    }

    @Test
    @SuppressWarnings("unchecked")
    void jobs_of_a_disabled_plugin_are_shown_as_such_and_cannot_be_run() {
        registry.setEnabled("sample", false, "test");
        loginAs("root", Role.ADMIN);
        UI.getCurrent().navigate(JobsView.class);
        Grid<JobStatus> grid = _get(Grid.class, spec -> spec.withId("jobs"));
        int row = row(grid, "sample.count");
        assertThat(GridKt._get(grid, row).pluginEnabled()).isFalse();
        assertThat(((Button) GridKt._getCellComponent(grid, row, "run")).isEnabled()).isFalse();
        assertThatThrownBy(() -> jobs.runNow("sample.count")).isInstanceOf(PluginDisabledException.class);
    }
}
