package dev.steward.benchmarks;

import dev.steward.incidents.IncidentFilter;
import dev.steward.incidents.IncidentList;
import dev.steward.incidents.IncidentStats;
import dev.steward.incidents.IncidentType;
import dev.steward.incidents.Phase;
import dev.steward.incidents.assessment.SeverityBand;
import dev.steward.platform.plugin.ExtensionRegistry;
import org.jooq.DSLContext;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * The incident grid and the dashboard cards on a large register: {@code -Dincidents=100000} incidents (default) with
 * five tasks, five timeline entries and two notification obligations each (1M tasks and timeline entries together),
 * generated in SQL. Every figure goes through the plugin's real services, as the views call them, as a privacy officer.
 * Prints p50 / p95 / max per call. Run: {@code ./steward benchmark IncidentBenchmark}.
 */
public final class IncidentBenchmark {

    static final int INCIDENTS = Integer.getInteger("incidents", 100_000);
    static final int RUNS = 50;

    public static void main(String[] args) {
        try (BenchmarkPlatform platform = new BenchmarkPlatform()) {
            ExtensionRegistry registry = platform.context.getBean(ExtensionRegistry.class);
            var plugin = registry.contextOf("incidents").orElseThrow(() -> new IllegalStateException("incidents plugin not started"));
            DSLContext dsl = platform.context.getBean(DSLContext.class);
            long t0 = System.nanoTime();
            IncidentGenerator.generate(dsl, INCIDENTS);
            System.out.printf("Generated %,d incidents, %,d tasks, %,d timeline entries, %,d obligations in %.1f s%n",
                    count(dsl, "incident"), count(dsl, "task"), count(dsl, "timeline_entry"), count(dsl, "obligation"),
                    (System.nanoTime() - t0) / 1e9);

            platform.actAs("incidents.read", "platform.catalog.read");
            IncidentList list = plugin.getBean(IncidentList.class);
            IncidentStats stats = plugin.getBean(IncidentStats.class);

            System.out.println("Incident grid (page of 50 rows, with next due and open tasks per row):");
            IncidentFilter open = new IncidentFilter(null, null, null, null, null, true);
            measure("open, newest first, page 1", () -> list.page(open, IncidentList.SortBy.DISCOVERED, false, 0, 50));
            measure("open, newest first, page 200", () -> list.page(open, IncidentList.SortBy.DISCOVERED, false, 9_950, 50));
            measure("count of open", () -> list.count(open));
            IncidentFilter highTriage = new IncidentFilter(null, Phase.TRIAGE, SeverityBand.HIGH, null, null, false);
            measure("phase + severity filter", () -> list.page(highTriage, IncidentList.SortBy.DISCOVERED, false, 0, 50));
            measure("count phase + severity", () -> list.count(highTriage));
            IncidentFilter ransomware = new IncidentFilter(null, null, null, IncidentType.RANSOMWARE, null, false);
            measure("type filter, sort by severity", () -> list.page(ransomware, IncidentList.SortBy.SEVERITY, false, 0, 50));
            measure("all, sort by title, page 100", () -> list.page(IncidentFilter.all(), IncidentList.SortBy.TITLE, true, 4_950, 50));
            measure("all, sort by assignee", () -> list.page(IncidentFilter.all(), IncidentList.SortBy.ASSIGNEE, true, 0, 50));
            IncidentFilter text = new IncidentFilter("beacon 4711", null, null, null, null, false);
            measure("text search 'beacon 4711'", () -> list.page(text, IncidentList.SortBy.DISCOVERED, false, 0, 50));
            IncidentFilter mine = new IncidentFilter(null, null, null, null, "analyst-3", true);
            measure("assignee filter", () -> list.page(mine, IncidentList.SortBy.DISCOVERED, false, 0, 50));

            System.out.println("Dashboard cards:");
            measure("open by severity", stats::openBySeverity);
            measure("notices due in 72 h", () -> stats.dueWithin(Duration.ofHours(72), 8));
            measure("overdue notices (count + 5)", () -> List.of(stats.overdueCount(), stats.overdue(5)));
            measure("mean time to contain", () -> stats.meanTimeToContain(Duration.ofDays(365)));
            measure("mean time to notify", () -> stats.meanTimeToNotify(Duration.ofDays(365)));
        }
    }

    private static int count(DSLContext dsl, String table) {
        return dsl.fetchCount(org.jooq.impl.DSL.table("incidents." + table));
    }

    private static void measure(String what, Supplier<?> call) {
        Latency.measure(what, RUNS, call);
    }
}
