package dev.steward.benchmarks;

import dev.steward.platform.people.ImportPlan;
import dev.steward.platform.people.ImportProgress;
import dev.steward.platform.people.ImportResult;
import dev.steward.platform.people.PeopleImport;
import org.jooq.DSLContext;
import org.postgresql.PGConnection;

import javax.sql.DataSource;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;

/**
 * People CSV import (read, check, preview, commit: the service path the UI uses) against raw PostgreSQL COPY of
 * the same file into an unindexed table: the ratio of their throughputs is the import's efficiency.
 * {@code -Drows=100000} (default), {@code -Druns=3}, {@code -DwithoutSearchIndex=true} to see what that index costs.
 */
public final class PeopleImportBenchmark {

    public static void main(String[] args) throws Exception {
        int rows = Integer.getInteger("rows", 100_000);
        int runs = Integer.getInteger("runs", 3);
        StringWriter csv = new StringWriter();
        PeopleGenerator.write(csv, rows, 200, 7);
        byte[] file = csv.toString().getBytes(StandardCharsets.UTF_8);
        System.out.printf("People CSV: %,d rows, %.1f MB%n", rows, file.length / 1e6);

        try (BenchmarkPlatform platform = new BenchmarkPlatform()) {
            platform.actAs("platform.people.manage", "platform.people.read");
            PeopleImport people = platform.context.getBean(PeopleImport.class);
            DSLContext dsl = platform.context.getBean(DSLContext.class);
            DataSource dataSource = platform.context.getBean(DataSource.class);
            if (Boolean.getBoolean("withoutSearchIndex")) { // to see what the trigram index costs
                dsl.execute("drop index platform.person_search_trgm");
            }
            dsl.execute("create table public.copy_baseline (employee_id text, full_name text, email text, title text, "
                    + "org_unit text, manager_employee_id text, status text, start_date date, end_date date)");

            double bestImport = Double.MAX_VALUE;
            double bestCopy = Double.MAX_VALUE;
            for (int run = 0; run <= runs; run++) { // run 0 warms up
                dsl.execute("truncate platform.person, platform.org_unit cascade");
                dsl.execute("truncate public.copy_baseline");

                long t0 = System.nanoTime();
                ImportPlan plan = people.prepare(file, "bench.csv", ImportProgress.NONE, () -> false);
                long t1 = System.nanoTime();
                ImportResult result = people.commit(plan);
                long t2 = System.nanoTime();
                copy(dataSource, csv.toString());
                long t3 = System.nanoTime();

                if (!plan.errors().isEmpty() || result.added() != rows) {
                    throw new IllegalStateException("Import did not add every row: " + plan.errors().stream().limit(3).toList() + " " + result);
                }
                double importSeconds = (t2 - t0) / 1e9;
                double copySeconds = (t3 - t2) / 1e9;
                System.out.printf("%s %d: import %.2f s (check %.2f s + commit %.2f s, %,.0f rows/s) | COPY %.2f s (%,.0f rows/s) | ratio %.2f%n",
                        run == 0 ? "warm-up" : "run", run, importSeconds, (t1 - t0) / 1e9, (t2 - t1) / 1e9, rows / importSeconds,
                        copySeconds, rows / copySeconds, copySeconds / importSeconds);
                if (run > 0) {
                    bestImport = Math.min(bestImport, importSeconds);
                    bestCopy = Math.min(bestCopy, copySeconds);
                }
            }
            System.out.printf("Best: import %,.0f rows/s, COPY %,.0f rows/s, import/COPY throughput ratio %.2f%n",
                    rows / bestImport, rows / bestCopy, bestCopy / bestImport);

            long t0 = System.nanoTime();
            ImportPlan unchanged = people.prepare(file, "bench.csv", ImportProgress.NONE, () -> false);
            ImportResult again = people.commit(unchanged);
            System.out.printf("Re-import of the same file (nothing changes): %.2f s, %s%n", (System.nanoTime() - t0) / 1e9, again);
        }
    }

    private static void copy(DataSource dataSource, String csv) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("copy public.copy_baseline from stdin with (format csv, header true)", new StringReader(csv));
        }
    }
}
