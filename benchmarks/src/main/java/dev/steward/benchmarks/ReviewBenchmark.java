package dev.steward.benchmarks;

import dev.steward.platform.plugin.ExtensionRegistry;
import dev.steward.reviews.campaigns.Campaign;
import dev.steward.reviews.campaigns.CampaignForm;
import dev.steward.reviews.campaigns.CampaignService;
import dev.steward.reviews.decisions.CampaignItems;
import dev.steward.reviews.decisions.ReviewDecisions;
import dev.steward.reviews.imports.AccessImport;
import dev.steward.reviews.imports.ColumnMapping;
import dev.steward.reviews.imports.ImportResult;
import org.jooq.DSLContext;
import org.postgresql.PGConnection;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * Access reviews at scale: 10k people (1,000 managers with console accounts), 300 systems, 1M entitlements.
 * <ol>
 * <li>CSV import of 1M entitlements (10k accounts x 100 entitlements) through the real service, previewed and then
 *     committed as the import dialog does, against a raw {@code COPY} of the same file into an unindexed table (and
 *     into one keyed by account and entitlement): the ratio of the commit's throughput to the COPY's.</li>
 * <li>Launching a campaign over 1M current entitlements of 300 systems.</li>
 * <li>A manager's queue and a page of the campaign's item grid (p50 / p95).</li>
 * </ol>
 * Run: {@code ./steward benchmark ReviewBenchmark}.
 */
public final class ReviewBenchmark {

    static final int PEOPLE = 10_000;
    static final int SYSTEMS = 300;
    static final int GRANTS = Integer.getInteger("grants", 1_000_000);

    public static void main(String[] args) throws Exception {
        try (BenchmarkPlatform platform = new BenchmarkPlatform()) {
            var plugin = platform.context.getBean(ExtensionRegistry.class).contextOf("reviews").orElseThrow();
            DSLContext dsl = platform.context.getBean(DSLContext.class);
            long t0 = System.nanoTime();
            ReviewGenerator.peopleAndSystems(dsl, PEOPLE, SYSTEMS);
            System.out.printf("People, managers' accounts and %d systems in %.1f s%n", SYSTEMS, (System.nanoTime() - t0) / 1e9);
            platform.actAs("reviews.admin", "reviews.read", "platform.catalog.read");

            byte[] file = ReviewGenerator.csv(PEOPLE, GRANTS / PEOPLE);
            System.out.printf("CSV: %,d rows, %.1f MB%n", GRANTS, file.length / 1e6);
            // the better of two COPYs: the service's commit runs warm (after its preview), so the COPY may too
            double copySeconds = Math.min(rawCopy(dsl, file, ""), rawCopy(dsl, file, ""));
            double keyedCopySeconds = rawCopy(dsl, file, ", primary key (account, entitlement)");
            AccessImport imports = plugin.getBean(AccessImport.class);
            long systemId = ((Number) dsl.fetchValue("select id from reviews.system order by id limit 1")).longValue();
            ColumnMapping mapping = ColumnMapping.guess(imports.header(file));
            // as in the import dialog, the file is previewed (read, checked, compared; nothing written) before it is committed
            long p0 = System.nanoTime();
            var preview = imports.preview(systemId, file, mapping, AccessImport.Progress.NONE);
            System.out.printf("Preview through the service: %.2f s (%,d grants to add)%n", (System.nanoTime() - p0) / 1e9, preview.grantsAdded());
            long i0 = System.nanoTime();
            ImportResult result = imports.commit(systemId, file, "big.csv", mapping, AccessImport.Progress.NONE);
            double importSeconds = (System.nanoTime() - i0) / 1e9;
            System.out.printf("Import (commit) through the service: %.2f s = %,.0f rows/s (%,d grants added)%n", importSeconds, GRANTS / importSeconds,
                    result.changes().grantsAdded());
            System.out.printf("Raw COPY of the same file: %.2f s = %,.0f rows/s%n", copySeconds, GRANTS / copySeconds);
            System.out.printf("Raw COPY into a table keyed by (account, entitlement): %.2f s = %,.0f rows/s%n", keyedCopySeconds,
                    GRANTS / keyedCopySeconds);
            System.out.printf("Ratio service / COPY throughput: %.2f (to the keyed COPY: %.2f)%n", copySeconds / importSeconds,
                    keyedCopySeconds / importSeconds);
            long r0 = System.nanoTime();
            imports.commit(systemId, file, "big-again.csv", mapping, AccessImport.Progress.NONE);
            System.out.printf("Re-import of the unchanged file: %.2f s%n", (System.nanoTime() - r0) / 1e9);

            // the other 299 systems get the rest of the entitlements directly, so the campaign spans 1M of them
            ReviewGenerator.grantsForOtherSystems(dsl, systemId, GRANTS);
            int current = dsl.fetchCount(org.jooq.impl.DSL.table("reviews.access_grant"), org.jooq.impl.DSL.condition("removed_import is null"));
            CampaignService campaigns = plugin.getBean(CampaignService.class);
            List<Long> systems = dsl.fetch("select id from reviews.system").getValues(0, Long.class);
            Campaign draft = campaigns.create(CampaignForm.oneStage("Everything", null, systems, null, false, false, List.of(),
                    CampaignForm.ReviewerRule.MANAGER, null, "fallback", CampaignForm.NoResponse.RECOMMENDATION, Instant.now(),
                    Instant.now().plus(Duration.ofDays(30))));
            if (Boolean.getBoolean("explain")) {
                System.out.println(dev.steward.reviews.campaigns.CampaignGenerator.explain(dsl, draft.id(), systems.toArray(Long[]::new), null));
            }
            long l0 = System.nanoTime();
            Campaign launched = campaigns.launch(draft.id(), draft.version());
            System.out.printf("Campaign launch over %,d current entitlements: %.2f s (%,d items)%n", current,
                    (System.nanoTime() - l0) / 1e9, launched.items());


            // the same scope again with 100 org units and 50 SoD rules: peer outliers and conflicts are computed too
            ReviewGenerator.orgUnitsAndSodRules(dsl, 50, systemId);
            Campaign second = campaigns.create(CampaignForm.oneStage("Everything, with peers and SoD", null, systems, null, false, false,
                    List.of(), CampaignForm.ReviewerRule.MANAGER, null, "fallback", CampaignForm.NoResponse.RECOMMENDATION,
                    Instant.now(), Instant.now().plus(Duration.ofDays(30))));
            long s0 = System.nanoTime();
            Campaign secondLaunched = campaigns.launch(second.id(), second.version());
            System.out.printf("Campaign launch with 100 org units and 50 SoD rules: %.2f s (%,d items, %,d flagged SoD, %,d peer outliers)%n",
                    (System.nanoTime() - s0) / 1e9, secondLaunched.items(),
                    dsl.fetchCount(org.jooq.impl.DSL.table("reviews.review_item"), org.jooq.impl.DSL.condition(
                            "campaign_id = ? and 'SOD' = any(flags)", secondLaunched.id())),
                    dsl.fetchCount(org.jooq.impl.DSL.table("reviews.review_item"), org.jooq.impl.DSL.condition(
                            "campaign_id = ? and 'OUTLIER' = any(flags)", secondLaunched.id())));

            CampaignItems items = plugin.getBean(CampaignItems.class);
            measure("admin: item grid page 1", () -> items.page(launched.id(), CampaignItems.Filter.none(), 0, 50));
            measure("admin: item grid page 2,000", () -> items.page(launched.id(), CampaignItems.Filter.none(), 99_950, 50));
            measure("admin: item grid page 20,000", () -> items.page(launched.id(), CampaignItems.Filter.none(), 999_950, 50));
            // autovacuum visits a table within a minute of a million inserts; then deep pages are index-only scans
            long v0 = System.nanoTime();
            dsl.execute("vacuum (analyze) reviews.review_item");
            System.out.printf("  (vacuum of the items, as autovacuum does after a launch: %.1f s)%n", (System.nanoTime() - v0) / 1e9);
            measure("admin: item grid page 2,000, vacuumed", () -> items.page(launched.id(), CampaignItems.Filter.none(), 99_950, 50));
            measure("admin: item grid page 20,000, vacuumed", () -> items.page(launched.id(), CampaignItems.Filter.none(), 999_950, 50));
            measure("admin: flagged items, page 1", () -> items.page(launched.id(), new CampaignItems.Filter(null, null, null, true), 0, 50));
            CampaignItems.Filter pending = new CampaignItems.Filter(null, dev.steward.reviews.decisions.ReviewItem.Outcome.PENDING, null, false);
            measure("admin: pending items, page 1", () -> items.page(launched.id(), pending, 0, 50));
            // scrolling on: the grid's pager starts each page after the last id of the one before (ItemPages)
            long before20k = ((Number) dsl.fetchValue("select id from reviews.review_item where campaign_id = ? and outcome = 'PENDING'"
                    + " order by id offset ? limit 1", launched.id(), Math.min(999_949, launched.items() - 51))).longValue();
            measure("admin: pending items, scrolled to 20,000", () -> items.pageAfter(launched.id(), pending, before20k, 0, 50));
            measure("admin: flagged items, scrolled on", () -> items.pageAfter(launched.id(), new CampaignItems.Filter(null, null, null, true),
                    before20k / 2, 0, 50));
            measure("admin: count all", () -> items.count(launched.id(), CampaignItems.Filter.none()));
            measure("admin: count pending", () -> items.count(launched.id(), pending));
            measure("admin: count flagged", () -> items.count(launched.id(), new CampaignItems.Filter(null, null, null, true)));
            measure("admin: count of one system, pending", () -> items.count(launched.id(), new CampaignItems.Filter(systemId,
                    dev.steward.reviews.decisions.ReviewItem.Outcome.PENDING, null, false)));
            measure("admin: count of the fallback reviewer", () -> items.count(launched.id(), new CampaignItems.Filter(null, null, "fallback", false)));
            measure("admin: campaign list", campaigns::list);
            String manager = dsl.fetchValue("select reviewer from reviews.review_item where campaign_id = ? and reviewer <> 'fallback'"
                    + " group by reviewer order by count(*) desc limit 1", launched.id()).toString();
            SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(manager, null,
                    List.of(new SimpleGrantedAuthority("reviews.review"))));
            ReviewDecisions decisions = plugin.getBean(ReviewDecisions.class);
            int queue = decisions.myQueue(false).size();
            measure("manager: queue (" + queue + " items)", () -> decisions.myQueue(false));
            measure("manager: progress", decisions::myProgress);
        }
    }

    /** COPY of the file into a table shaped like it, unindexed or with {@code keys} (a constraint clause). */
    private static double rawCopy(DSLContext dsl, byte[] file, String keys) {
        dsl.execute("create table bench_copy (account text, entitlement text, employee_id text, email text, display_name text,"
                + " last_login text" + keys + ")");
        long start = System.nanoTime();
        dsl.connection(c -> c.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("copy bench_copy from stdin with (format csv, header true)", new ByteArrayInputStream(file)));
        double seconds = (System.nanoTime() - start) / 1e9;
        dsl.execute("drop table bench_copy");
        return seconds;
    }

    private static void measure(String what, Supplier<?> call) {
        Latency.measure(what, 40, call);
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
