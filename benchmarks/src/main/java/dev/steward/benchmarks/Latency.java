package dev.steward.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Times a call the way every benchmark here reports it: a few warm-up calls, then p50, p95 and max of {@code runs}. */
final class Latency {

    private static final int WARM_UP = 5;

    private Latency() {
    }

    static void measure(String what, int runs, Supplier<?> call) {
        for (int i = 0; i < WARM_UP; i++) {
            call.get();
        }
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            call.get();
            millis.add((System.nanoTime() - start) / 1e6);
        }
        millis.sort(Double::compare);
        System.out.printf("  %-40s p50 %7.1f ms   p95 %7.1f ms   max %7.1f ms%n", what, millis.get(runs / 2),
                millis.get((int) Math.ceil(runs * 0.95) - 1), millis.getLast());
    }
}
