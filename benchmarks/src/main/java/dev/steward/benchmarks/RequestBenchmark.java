package dev.steward.benchmarks;

import dev.steward.dsr.clocks.ClockStats;
import dev.steward.dsr.records.RequestMetrics;
import dev.steward.dsr.requests.RequestFilter;
import dev.steward.dsr.requests.RequestStatus;
import dev.steward.dsr.requests.RequestType;
import dev.steward.dsr.requests.RightsRequests;
import dev.steward.platform.plugin.ExtensionRegistry;
import dev.steward.platform.spi.DeadlineSource;
import org.jooq.DSLContext;

import java.time.Duration;
import java.time.Instant;
import java.time.Year;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The request queue, the dashboard cards, the yearly metrics and My work on a large history: {@code -Drequests=100000}
 * (default) with their types, timelines and 400k tasks made by {@link RequestGenerator}. Every figure goes through the
 * plugin's real services as a privacy officer. Prints p50 / p95 / max per call.
 * Run: {@code ./steward benchmark RequestBenchmark}.
 */
public final class RequestBenchmark {

    static final int REQUESTS = Integer.getInteger("requests", 100_000);
    static final int RUNS = Integer.getInteger("runs", 30);

    public static void main(String[] args) {
        try (BenchmarkPlatform platform = new BenchmarkPlatform()) {
            ExtensionRegistry registry = platform.context.getBean(ExtensionRegistry.class);
            var plugin = registry.contextOf("dsr").orElseThrow(() -> new IllegalStateException("dsr plugin not started"));
            DSLContext dsl = platform.context.getBean(DSLContext.class);
            long t0 = System.nanoTime();
            RequestGenerator.generate(dsl, REQUESTS);
            System.out.printf("Generated %,d requests, %,d types, %,d timeline entries, %,d tasks in %.1f s%n",
                    count(dsl, "request"), count(dsl, "request_type"), count(dsl, "request_event"), count(dsl, "task"),
                    (System.nanoTime() - t0) / 1e9);

            platform.actAs("dsr.read", "dsr.work", "dsr.admin");
            RightsRequests requests = plugin.getBean(RightsRequests.class);
            ClockStats stats = plugin.getBean(ClockStats.class);
            RequestMetrics metrics = plugin.getBean(RequestMetrics.class);

            System.out.println("Request queue (page of 50, soonest due first):");
            measure("open, page 1", () -> requests.page(RequestFilter.OPEN, 0, 50));
            measure("count open", () -> requests.count(RequestFilter.OPEN));
            measure("overdue, page 1", () -> requests.page(RequestFilter.OPEN.overdue(), 0, 50));
            measure("awaiting verification, page 1", () -> requests.page(RequestFilter.OPEN.withStatus(RequestStatus.AWAITING_VERIFICATION), 0, 50));
            measure("open deletions, page 1", () -> requests.page(RequestFilter.OPEN.withType(RequestType.DELETION), 0, 50));
            measure("all, page 1", () -> requests.page(RequestFilter.ALL, 0, 50));
            measure("all, page 100", () -> requests.page(RequestFilter.ALL, 4_950, 50));
            measure("count all", () -> requests.count(RequestFilter.ALL));
            measure("all, text 'requester 4242'", () -> requests.page(RequestFilter.ALL.withText("requester4242@"), 0, 50));
            measure("one request", () -> requests.find(REQUESTS / 2));

            System.out.println("Dashboard cards:");
            measure("due in the next 30 days (6)", () -> stats.dueWithin(Duration.ofDays(30), 6));
            measure("due in the next 30 days (count)", () -> stats.dueWithinCount(Duration.ofDays(30)));
            measure("overdue (count)", stats::overdueCount);
            measure("awaiting verification (count)", stats::awaitingVerificationCount);
            measure("median days to close (12 months)", () -> stats.medianDaysToClose(Duration.ofDays(365)));

            System.out.println("Reports and My work:");
            int lastYear = Year.now().getValue() - 1;
            measure("yearly metrics " + lastYear, () -> metrics.of(lastYear));
            DeadlineSource deadlines = plugin.getBeansOfType(DeadlineSource.class).values().stream()
                    .filter(d -> d.getClass().getSimpleName().equals("RequestDeadlines")).findFirst().orElseThrow();
            measure("request deadlines of one officer", () -> deadlines.deadlines(
                    new DeadlineSource.DeadlineQuery(Set.of("officer-1"), Instant.now().plus(Duration.ofDays(30)), true)));
            for (DeadlineSource source : plugin.getBeansOfType(DeadlineSource.class).values()) {
                measure("My work: " + source.getClass().getSimpleName() + " of owner-7", () -> source.deadlines(
                        new DeadlineSource.DeadlineQuery(Set.of("owner-7"), Instant.now().plus(Duration.ofDays(30)), true)));
            }
        }
    }

    private static int count(DSLContext dsl, String table) {
        return dsl.fetchCount(dsl.selectOne().from("dsr." + table));
    }

    private static void measure(String what, Supplier<?> call) {
        Latency.measure(what, RUNS, call);
    }
}
