package dev.steward.benchmarks;

import dev.steward.platform.plugin.ExtensionRegistry;
import dev.steward.vendors.exports.DataSharingMatrix;
import dev.steward.vendors.imports.VendorImport;
import dev.steward.vendors.integration.VendorStats;
import dev.steward.vendors.registry.VendorFilter;
import dev.steward.vendors.registry.VendorList;
import dev.steward.vendors.registry.VendorStatus;
import org.jooq.DSLContext;

import java.io.OutputStream;
import java.util.List;
import java.util.function.Supplier;

/**
 * The vendor grid, the data-sharing matrix and the dashboard cards on a large registry: {@code -Dvendors=10000}
 * vendors (default) with 50k services and 500k processing records made by {@link VendorGenerator}. Every figure goes
 * through the plugin's real services as a privacy officer. Prints p50 / p95 / max per call.
 * Run: {@code ./steward benchmark VendorBenchmark}.
 */
public final class VendorBenchmark {

    static final int VENDORS = Integer.getInteger("vendors", 10_000);
    static final int RUNS = Integer.getInteger("runs", 30);

    public static void main(String[] args) {
        try (BenchmarkPlatform platform = new BenchmarkPlatform()) {
            ExtensionRegistry registry = platform.context.getBean(ExtensionRegistry.class);
            var plugin = registry.contextOf("vendors").orElseThrow(() -> new IllegalStateException("vendors plugin not started"));
            DSLContext dsl = platform.context.getBean(DSLContext.class);
            long t0 = System.nanoTime();
            VendorGenerator.generate(dsl, VENDORS);
            System.out.printf("Generated %,d vendors, %,d services, %,d processing records, %,d purposes, %,d contracts, %,d certificates in %.1f s%n",
                    count(dsl, "vendor"), count(dsl, "vendor_service"), count(dsl, "processing"), count(dsl, "processing_purpose"),
                    count(dsl, "contract"), count(dsl, "certification"), (System.nanoTime() - t0) / 1e9);

            platform.actAs("vendors.read", "vendors.edit", "platform.catalog.read");
            VendorList list = plugin.getBean(VendorList.class);
            DataSharingMatrix matrix = plugin.getBean(DataSharingMatrix.class);
            VendorStats stats = plugin.getBean(VendorStats.class);

            System.out.println("Vendor grid (page of 50 rows with DPA, transfer, special-category flags and open tasks per row):");
            VendorFilter all = VendorFilter.none();
            measure("all, by name, page 1", () -> list.page(all, VendorList.Sort.NAME, false, 0, 50));
            measure("all, by name, page 100", () -> list.page(all, VendorList.Sort.NAME, false, 4_950, 50));
            measure("all, by next review", () -> list.page(all, VendorList.Sort.NEXT_REVIEW, false, 0, 50));
            measure("count all", () -> list.count(all));
            measure("tier 1 + active", () -> list.page(filter(1, VendorStatus.ACTIVE, null, null, null, false, false), VendorList.Sort.NAME, false, 0, 50));
            measure("data category health", () -> list.page(filter(null, null, "health", null, null, false, false), VendorList.Sort.NAME, false, 0, 50));
            measure("count data category health", () -> list.count(filter(null, null, "health", null, null, false, false)));
            measure("country IN", () -> list.page(filter(null, null, null, "IN", null, false, false), VendorList.Sort.NAME, false, 0, 50));
            measure("expiring within 30 days", () -> list.page(filter(null, null, null, null, 30, false, false), VendorList.Sort.NAME, false, 0, 50));
            measure("count expiring within 90 days", () -> list.count(filter(null, null, null, null, 90, false, false)));
            measure("missing DPA", () -> list.page(filter(null, null, null, null, null, true, false), VendorList.Sort.NAME, false, 0, 50));
            measure("count missing DPA", () -> list.count(filter(null, null, null, null, null, true, false)));
            measure("transfer gap", () -> list.page(filter(null, null, null, null, null, false, true), VendorList.Sort.NAME, false, 0, 50));
            measure("count transfer gap", () -> list.count(filter(null, null, null, null, null, false, true)));
            measure("text 'acme 4'", () -> list.page(new VendorFilter("acme 4", null, null, null, null, null, false, false, false),
                    VendorList.Sort.NAME, false, 0, 50));

            System.out.println("Data-sharing matrix:");
            measure("columns", matrix::columns);
            measure("page 1 (50 vendors)", () -> matrix.page(null, null, 0, 50));
            measure("page 100", () -> matrix.page(null, null, 4_950, 50));
            measure("filtered to health", () -> matrix.page(null, "health", 0, 50));
            measure("count", () -> matrix.count(null, null));
            long start = System.nanoTime();
            long rows = matrix.exportCsv(null, null, OutputStream.nullOutputStream(), dev.steward.platform.export.ExportProgress.NONE);
            System.out.printf("  %-40s %,d rows in %.1f s%n", "CSV export of the whole matrix", rows, (System.nanoTime() - start) / 1e9);

            System.out.println("Dashboard cards:");
            measure("vendors by tier", stats::byTier);
            measure("expiring in 60 days (6)", () -> stats.expiringWithin(60, 6));
            measure("overdue reviews (count)", stats::overdueReviewCount);
            measure("vendors with transfer gaps", stats::vendorsWithTransferGaps);
            measure("vendors with special-category data", stats::vendorsWithSpecialCategoryData);

            importFile(plugin.getBean(VendorImport.class), IMPORTED);
        }
    }

    static final int IMPORTED = Integer.getInteger("imported", 2_000);

    /** Preview and commit of a file of new vendors, two services each with one processing record: every row audited. */
    private static void importFile(VendorImport imports, int vendors) {
        StringBuilder csv = new StringBuilder("legal_name,hq_country,status,service,relationship,data_categories,subject_types,purposes,volume,"
                + "processing_countries\n");
        for (int i = 0; i < vendors; i++) {
            for (String service : new String[]{"Hosting", "Support"}) {
                csv.append("Imported vendor ").append(i).append(",DE,active,").append(service)
                        .append(",processor,contact;identifiers,customers,service_delivery:contract,under_100k,DE;IE\n");
            }
        }
        byte[] file = csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        long start = System.nanoTime();
        var preview = imports.preview(file);
        long previewed = System.nanoTime();
        imports.commit(file);
        long committed = System.nanoTime();
        System.out.printf("CSV import of %,d vendors, %,d services, %,d processing records (%,d rows): preview %.1f s, commit %.1f s%n",
                preview.vendors(), preview.services(), preview.processing(), vendors * 2, (previewed - start) / 1e9, (committed - previewed) / 1e9);
    }

    private static VendorFilter filter(Integer tier, VendorStatus status, String category, String country, Integer expiring, boolean missingDpa,
                                       boolean gap) {
        return new VendorFilter(null, tier, status, category, country, expiring, missingDpa, gap, false);
    }

    private static int count(DSLContext dsl, String table) {
        return dsl.fetchCount(org.jooq.impl.DSL.table("vendors." + table));
    }

    private static void measure(String what, Supplier<?> call) {
        Latency.measure(what, RUNS, call);
    }
}
