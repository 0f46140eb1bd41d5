package dev.steward.benchmarks;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Retained heap per signed-in UI session on the dashboard. Starts the production console jar as a child process
 * ({@link ConsoleProcess}) and opens {@code -Dsessions} (default 10) real UI sessions over Vaadin's protocol
 * ({@link VaadinClient}): each a different privacy officer (who sees every dashboard card) signs in and lands on the
 * dashboard with its push connection (a WebSocket), on the {@link ConsoleDataset}. The live heap of the console is read with {@code jcmd <pid> GC.class_histogram}, which runs a full GC
 * first: once after warm-up sessions that signed in and closed their tab, once with the sessions open, once after
 * they all closed their tabs (the unload beacon). Prints KB per session and the classes that grew most.
 */
public final class SessionMemoryBenchmark {

    public static void main(String[] args) throws Exception {
        int sessions = Integer.getInteger("sessions", 10);
        int port = Integer.getInteger("port", 18090);
        boolean push = !"false".equals(System.getProperty("push"));
        try (ConsoleProcess console = new ConsoleProcess(port, System.getProperty("heap", "1g"), consoleArguments())) {
            ConsoleDataset.seed(console, 100, sessions + 3);
            HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
            for (int i = 1; i <= 3; i++) { // load classes, fill caches, compile: none of that is per session
                VaadinClient warmUp = client(http, console);
                warmUp.signIn("po" + (sessions + i), ConsoleDataset.PASSWORD);
                warmUp.open("");
                if (push) {
                    warmUp.connectPush();
                }
                warmUp.unload();
            }
            Histogram before = Histogram.of(console.pid());
            List<VaadinClient> open = new ArrayList<>();
            for (int i = 1; i <= sessions; i++) {
                VaadinClient client = client(http, console);
                client.signIn("po" + i, ConsoleDataset.PASSWORD);
                String dashboard = client.open("");
                if (!dashboard.contains("steward-card")) {
                    throw new IllegalStateException("po" + i + " did not land on a dashboard with cards");
                }
                if (i == 1 && System.getProperty("dump") != null) { // the landing response, to see what the page is made of
                    java.nio.file.Files.writeString(Path.of(System.getProperty("dump")), dashboard);
                }
                if (push) {
                    client.connectPush();
                }
                open.add(client);
            }
            Histogram with = Histogram.of(console.pid());
            if (System.getProperty("heapdump") != null) { // the heap with the sessions open, to see what holds what
                Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
                new ProcessBuilder(jcmd.toString(), Long.toString(console.pid()), "GC.heap_dump", "-overwrite",
                        Path.of(System.getProperty("heapdump")).toAbsolutePath().toString()).inheritIO().start().waitFor();
            }
            open.forEach(VaadinClient::unload);
            Histogram closed = Histogram.of(console.pid());

            System.out.printf("Retained heap per signed-in UI session on the dashboard (%d sessions, privacy officers, "
                    + "%s, jcmd GC.class_histogram after full GC, console -Xmx%s):%n", sessions, push ? "with push" : "without push",
                    System.getProperty("heap", "1g"));
            System.out.printf("  live heap before %,d KB, with the sessions %,d KB, after their tabs closed %,d KB%n",
                    before.total / 1024, with.total / 1024, closed.total / 1024);
            System.out.printf("  per open session   %,d KB%n", (with.total - before.total) / sessions / 1024);
            System.out.printf("  per closed session %,d KB (left until the HTTP session times out)%n", (closed.total - before.total) / sessions / 1024);
            System.out.println("  largest growth per session (bytes, class):");
            with.growthOver(before).entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(Integer.getInteger("top", 25))
                    .forEach(e -> System.out.printf("    %,9d  %s%n", e.getValue() / sessions, e.getKey()));
        }
    }

    /** Extra settings for the console under test ({@code -Dconsole.args="--name=value ..."}), to try a setting's effect. */
    static String[] consoleArguments() {
        String args = System.getProperty("console.args", "").trim();
        return args.isEmpty() ? new String[0] : args.split("\\s+");
    }

    private static VaadinClient client(HttpClient http, ConsoleProcess console) {
        return new VaadinClient(http, console.base, (what, ms) -> { });
    }

    /** The live objects of a JVM by class, from {@code jcmd GC.class_histogram} (a full GC first). */
    record Histogram(long total, Map<String, Long> bytesByClass) {

        static Histogram of(long pid) throws IOException, InterruptedException {
            Histogram best = null;
            for (int i = 0; i < 2; i++) { // the smaller of two: a GC can leave some garbage of the moment
                Histogram h = read(pid);
                best = best == null || h.total < best.total ? h : best;
            }
            return best;
        }

        private static Histogram read(long pid) throws IOException, InterruptedException {
            Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
            Process p = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "GC.class_histogram").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            Map<String, Long> byClass = new HashMap<>();
            long total = -1;
            for (String line : out.split("\n")) {
                String[] f = line.trim().split("\\s+");
                if (f.length >= 4 && f[0].endsWith(":")) {
                    byClass.merge(f[3], Long.parseLong(f[2]), Long::sum);
                } else if (f.length == 3 && f[0].equals("Total")) {
                    total = Long.parseLong(f[2]);
                }
            }
            if (total < 0) {
                throw new IllegalStateException("jcmd gave no histogram: " + out);
            }
            return new Histogram(total, byClass);
        }

        Map<String, Long> growthOver(Histogram earlier) {
            Map<String, Long> growth = new HashMap<>();
            bytesByClass.forEach((cls, bytes) -> growth.put(cls, bytes - earlier.bytesByClass.getOrDefault(cls, 0L)));
            return growth;
        }
    }
}
