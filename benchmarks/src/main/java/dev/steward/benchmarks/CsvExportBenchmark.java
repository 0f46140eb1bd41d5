package dev.steward.benchmarks;

import dev.steward.platform.export.CsvStreams;
import dev.steward.platform.export.ExportProgress;
import org.jooq.DSLContext;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Streams 100k and then 1M rows from PostgreSQL to CSV through {@link CsvStreams} (into a byte counter) while a
 * sampler records the heap in use: constant memory means about the same peak for both. Run with a small heap to
 * make the point: {@code ./steward benchmark CsvExportBenchmark -Xmx256m}.
 */
public final class CsvExportBenchmark {

    public static void main(String[] args) throws Exception {
        try (BenchmarkPlatform platform = new BenchmarkPlatform()) {
            DSLContext dsl = platform.context.getBean(DSLContext.class);
            TransactionTemplate transaction = platform.context.getBean(TransactionTemplate.class);
            dsl.execute("create table public.export_rows as select g as id, 'Person ' || g as name, md5(g::text) as email, "
                    + "now() - (g || ' minutes')::interval as created from generate_series(1, 1000000) g");
            System.out.printf("Max heap %d MB%n", Runtime.getRuntime().maxMemory() / 1024 / 1024);
            for (int rows : new int[]{100_000, 1_000_000, 100_000, 1_000_000}) {
                run(dsl, transaction, rows);
            }
        }
    }

    private static void run(DSLContext dsl, TransactionTemplate transaction, int rows) throws Exception {
        System.gc();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long baseline = memory.getHeapMemoryUsage().getUsed();
        AtomicLong peak = new AtomicLong(baseline);
        Thread sampler = Thread.ofPlatform().daemon().start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        AtomicLong bytes = new AtomicLong();
        OutputStream counter = new OutputStream() {
            public void write(int b) {
                bytes.incrementAndGet();
            }

            public void write(byte[] b, int off, int len) {
                bytes.addAndGet(len);
            }
        };
        long start = System.nanoTime();
        Long written = transaction.execute(status -> {
            try (var cursor = dsl.resultQuery("select id, name, email, created from public.export_rows where id <= " + rows)
                    .fetchSize(5_000).fetchLazy()) {
                return CsvStreams.write(cursor, counter, new String[]{"id", "name", "email", "created"},
                        r -> new Object[]{r.get(0), r.get(1), r.get(2), r.get(3)}, ExportProgress.NONE);
            }
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        sampler.interrupt();
        sampler.join();
        System.out.printf("%,9d rows: %.2f s, %,.0f rows/s, %.1f MB written, peak heap above baseline %d MB%n", written,
                seconds, written / seconds, bytes.get() / 1e6, (peak.get() - baseline) / 1024 / 1024);
    }
}
