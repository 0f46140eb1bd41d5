package dev.steward.benchmarks;

import dev.steward.platform.db.SchemaMigrator;
import dev.steward.platform.search.SearchSql;
import dev.steward.testkit.TestDatabase;
import dev.steward.testkit.TestPostgres;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.postgresql.ds.PGSimpleDataSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.table;

/**
 * Global search over 1M rows of one module, the way a provider should query: every word matched with ILIKE through
 * a GIN trigram index, at most {@link #CANDIDATES} candidates ranked by similarity, top 10 returned.
 * Prints p50/p95/max latency per query kind. Run: see benchmarks/README.md.
 */
public final class SearchBenchmark {

    static final int ROWS = Integer.getInteger("rows", 1_000_000);
    static final int CANDIDATES = 500;
    private static final String[] FIRST = {"anna", "bernd", "chloe", "dmitri", "elena", "farid", "greta", "hiro",
            "ines", "jonas", "kofi", "lena", "marta", "nils", "olga", "pavel", "quinn", "rosa", "sven", "tara"};
    private static final String[] LAST = {"schmidt", "okafor", "tanaka", "garcia", "nowak", "dubois", "rossi",
            "jensen", "kowalski", "moreau", "silva", "novak", "haddad", "lindqvist", "murphy", "weber"};

    public static void main(String[] args) throws Exception {
        TestDatabase database = TestPostgres.createDatabase();
        try {
            PGSimpleDataSource dataSource = new PGSimpleDataSource();
            dataSource.setURL(database.jdbcUrl());
            new SchemaMigrator(dataSource);
            DSLContext dsl = DSL.using(dataSource, SQLDialect.POSTGRES);
            long t0 = System.nanoTime();
            load(dsl);
            System.out.printf("Loaded %,d rows with a GIN trigram index in %.1f s%n", ROWS, (System.nanoTime() - t0) / 1e9);

            Random random = new Random(42);
            measure(dsl, "rare: full name", () -> FIRST[random.nextInt(FIRST.length)] + " " + LAST[random.nextInt(LAST.length)] + " " + (random.nextInt(ROWS / 1000)));
            measure(dsl, "one common word", () -> LAST[random.nextInt(LAST.length)]);
            measure(dsl, "case/reference no", () -> "case-" + random.nextInt(ROWS));
            measure(dsl, "no match", () -> "zzqx" + random.nextInt(1000));
        } finally {
            database.drop();
        }
    }

    private static void load(DSLContext dsl) {
        dsl.execute("create schema bench");
        dsl.execute("create table bench.record (id bigint primary key, title text not null, detail text not null)");
        dsl.execute("insert into bench.record select g, "
                + "(array" + Arrays.toString(quoted(FIRST)) + ")[1 + g % " + FIRST.length + "] || ' ' || "
                + "(array" + Arrays.toString(quoted(LAST)) + ")[1 + (g / 7) % " + LAST.length + "] || ' ' || (g % " + (ROWS / 1000) + "), "
                + "'case-' || g || ' ' || md5(g::text) from generate_series(1, " + ROWS + ") g");
        dsl.execute("create index record_title_trgm on bench.record using gin (title platform.gin_trgm_ops)");
        dsl.execute("create index record_detail_trgm on bench.record using gin (detail platform.gin_trgm_ops)");
        dsl.execute("analyze bench.record");
    }

    private static String[] quoted(String[] words) {
        return Arrays.stream(words).map(w -> "'" + w + "'").toArray(String[]::new);
    }

    private static List<String> search(DSLContext dsl, String text) {
        Field<String> title = field(DSL.name("c", "title"), String.class);
        var candidates = dsl.select(field("title", String.class).as("title"), field("detail", String.class).as("detail"))
                .from(table("bench.record"))
                .where(SearchSql.matchesAllWords(text, field("title", String.class), field("detail", String.class)))
                .limit(CANDIDATES).asTable("c");
        return dsl.select(title).from(candidates).orderBy(SearchSql.similarity(title, text).desc()).limit(10)
                .fetch(0, String.class);
    }

    private static void measure(DSLContext dsl, String kind, java.util.function.Supplier<String> queries) {
        for (int i = 0; i < 20; i++) {
            search(dsl, queries.get()); // warm-up
        }
        List<Double> millis = new ArrayList<>();
        int hits = 0;
        for (int i = 0; i < 200; i++) {
            long start = System.nanoTime();
            hits += search(dsl, queries.get()).size();
            millis.add((System.nanoTime() - start) / 1e6);
        }
        millis.sort(Double::compare);
        System.out.printf("%-20s p50 %6.1f ms  p95 %6.1f ms  max %6.1f ms  (avg %.1f hits)%n", kind,
                millis.get(99), millis.get(189), millis.get(199), hits / 200.0);
    }
}
