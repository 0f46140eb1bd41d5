package dev.steward.benchmarks;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

/**
 * The last day of a quarterly access review: N simulated users (half managers, half privacy officers) speak Vaadin's
 * protocol ({@link VaadinClient}: no browser) to the production console jar started as a child process on the
 * {@link ConsoleDataset}. They start spread over {@code -Dramp} seconds and pause {@code -Dthink} ms (plus or minus
 * half) between actions, each with its push connection open:
 * <ul>
 * <li>a manager signs in, opens My reviews (its grid's first rows come with the page), approves three items with a
 * row's Approve button (a click event on its node; an item that needs a comment opens the comment dialog instead),
 * opens My work, sends a heartbeat and closes the tab;</li>
 * <li>a privacy officer signs in, lands on the dashboard, opens an incident, opens the vendor grid and scrolls to its
 * rows 51-100 (the grid's setViewportRange call), sends a heartbeat and closes the tab.</li>
 * </ul>
 * Prints for each N ({@code -Dusers=100,500,1000}) p50/p95/max of the server round trips of the UIDL messages (what a
 * user waits for after an action), of sign-in and page loads, and the errors (a user's day stops at its first),
 * after a warm-up day of {@code -Dwarmup} (100) users. The simulated users run in this JVM on the same machine.
 */
public final class LoadBenchmark {

    public static void main(String[] args) throws Exception {
        int[] levels = Arrays.stream(System.getProperty("users", "100,500,1000").split(",")).mapToInt(Integer::parseInt).toArray();
        int max = Arrays.stream(levels).max().orElseThrow();
        int port = Integer.getInteger("port", 18091);
        try (ConsoleProcess console = new ConsoleProcess(port, System.getProperty("heap", "2g"), SessionMemoryBenchmark.consoleArguments())) {
            ConsoleDataset.seed(console, (max + 1) / 2, (max + 1) / 2);
            HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(Duration.ofSeconds(30)).executor(Executors.newVirtualThreadPerTaskExecutor()).build();
            run(http, console, Math.min(Integer.getInteger("warmup", 100), max), true); // class loading and JIT are no user's wait
            for (int users : levels) {
                run(http, console, users, false);
            }
        }
    }

    private static void run(HttpClient http, ConsoleProcess console, int users, boolean warmUp) throws InterruptedException {
        long ramp = Long.getLong("ramp", 30) * 1000;
        Stats stats = new Stats();
        AtomicInteger failed = new AtomicInteger();
        List<String> firstErrors = Collections.synchronizedList(new ArrayList<>());
        String decided = "select count(*) from reviews.review_item where decided_by like 'mgr%'";
        long decidedBefore = console.count(decided);
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int u = 0; u < users; u++) {
                int user = u;
                pool.submit(() -> {
                    try {
                        Thread.sleep(ramp * user / users);
                        VaadinClient client = new VaadinClient(http, console.base, stats);
                        if (user % 2 == 0) {
                            managersDay(client, user / 2 + 1);
                        } else {
                            officersDay(client, user / 2 + 1);
                        }
                    } catch (VaadinClient.ProtocolException | IllegalStateException e) {
                        failed.incrementAndGet();
                        if (firstErrors.size() < 5) {
                            firstErrors.add(e.getMessage());
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return null;
                });
            }
        }
        if (warmUp) {
            return;
        }
        System.out.printf("%n%,d users (%d managers, %d privacy officers), ramp %d s, think %d ms, all done in %.0f s; "
                        + "users whose day failed: %d%n", users, (users + 1) / 2, users / 2, ramp / 1000, Long.getLong("think", 2000),
                (System.nanoTime() - start) / 1e9, failed.get());
        firstErrors.forEach(e -> System.out.println("  error: " + e));
        System.out.printf("  items decided (in the database): %,d; Approve clicks: %,d (an item that needs a comment opens a dialog instead)%n",
                console.count(decided) - decidedBefore, stats.count("  decide (Approve)"));
        stats.print();
    }

    private static void managersDay(VaadinClient client, int manager) throws InterruptedException {
        client.signIn(ConsoleDataset.manager(manager), ConsoleDataset.PASSWORD);
        // the grid's first rows, with their buttons, come with the page
        List<Integer> approve = new UidlPage(client.open("reviews/my")).withText("Approve");
        client.connectPush();
        for (int i = 0; i < 3 && !approve.isEmpty(); i++) {
            think();
            // the grid is refreshed after a decision: its rows come back with new buttons
            List<Integer> next = new UidlPage(client.rpc("decide (Approve)", UidlPage.click(approve.get(i % approve.size())))).withText("Approve");
            approve = next.isEmpty() ? approve : next;
        }
        think();
        client.navigate("my-work");
        client.heartbeat();
        think();
        client.unload();
    }

    private static void officersDay(VaadinClient client, int officer) throws InterruptedException {
        client.signIn("po" + officer, ConsoleDataset.PASSWORD);
        client.open("");
        client.connectPush();
        think();
        client.navigate("incidents/" + ThreadLocalRandom.current().nextInt(1, 2_001));
        think();
        UidlPage vendors = new UidlPage(client.navigate("vendors"));
        int grid = vendors.first("vaadin-grid").orElseThrow(() -> new IllegalStateException("the vendor page has no grid"));
        client.rpc("grid rows", UidlPage.viewport(grid, 50, 50, 0)); // the first 50 come with the page: scroll on
        client.heartbeat();
        think();
        client.unload();
    }

    private static void think() throws InterruptedException {
        long think = Long.getLong("think", 2000);
        Thread.sleep(think / 2 + ThreadLocalRandom.current().nextLong(think + 1));
    }

    /** Durations by kind of request: UIDL messages (navigation, grid rows, clicks), sign-in, page loads, push, heartbeats. */
    static final class Stats implements BiConsumer<String, Double> {

        private final Map<String, List<Double>> byKind = new ConcurrentHashMap<>();

        @Override
        public void accept(String what, Double millis) {
            byKind.computeIfAbsent(kind(what), k -> Collections.synchronizedList(new ArrayList<>())).add(millis);
            byKind.computeIfAbsent(what.startsWith("navigate") ? "  " + what.replaceAll("/\\d+$", "/{id}") : "  " + what,
                    k -> Collections.synchronizedList(new ArrayList<>())).add(millis);
        }

        private static String kind(String what) {
            if (what.startsWith("navigate") || what.startsWith("grid") || what.startsWith("decide") || what.equals("unload")) {
                return "UIDL round trips (all actions)";
            }
            if (what.startsWith("login") || what.startsWith("sign in")) {
                return "sign-in (page + form post)";
            }
            if (what.startsWith("page") || what.equals("init")) {
                return "page load (bootstrap + init)";
            }
            return what;
        }

        int count(String kind) {
            return byKind.getOrDefault(kind, List.of()).size();
        }

        void print() {
            new TreeMap<>(byKind).forEach((kind, list) -> {
                List<Double> sorted;
                synchronized (list) {
                    sorted = new ArrayList<>(list);
                }
                sorted.sort(Double::compare);
                System.out.printf("  %-42s n %6d   p50 %7.1f ms   p95 %7.1f ms   max %8.1f ms%n", kind, sorted.size(),
                        sorted.get(sorted.size() / 2), sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1), sorted.getLast());
            });
        }
    }
}
