package dev.steward.vendors.exports;

import dev.steward.platform.export.ExportProgress;
import dev.steward.platform.export.SafeCsv;
import dev.steward.platform.search.SearchSql;
import dev.steward.vendors.VendorAccess;
import dev.steward.vendors.VendorPermissions;
import dev.steward.vendors.registry.VendorStatus;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static dev.steward.vendors.db.Tables.VENDOR;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.noCondition;

/**
 * Who gets which personal data: vendors (rows) by catalogue data categories (columns), filterable by vendor name and
 * category; paged for the screen, streamed for the CSV.
 */
@Service
public class DataSharingMatrix {

    private final DSLContext dsl;
    private final VendorAccess access;

    DataSharingMatrix(DSLContext dsl, VendorAccess access) {
        this.dsl = dsl;
        this.access = access;
    }

    /** One vendor's row: the categories its services process. */
    public record Row(long vendorId, String vendorName, TreeSet<String> categories) {
    }

    public record Category(String code, String name, boolean special) {
    }

    /**
     * The matrix's columns, by name: every category of the catalogue, so that an empty column says "no vendor gets
     * this"; retired ones only while some processing still names them.
     */
    @PreAuthorize(VendorPermissions.MAY_READ_REGISTER)
    @Transactional(readOnly = true)
    public List<Category> columns() {
        return dsl.resultQuery("""
                select ce.code, ce.name, ce.special_category from platform.catalog_entry ce where ce.kind = 'DATA_CATEGORY'
                and (not ce.retired or exists (select 1 from vendors.processing p where p.data_categories @> array[ce.code]::varchar[]))
                order by ce.name""")
                .fetch(r -> new Category(r.get(0, String.class), r.get(1, String.class), r.get(2, Boolean.class)));
    }

    @PreAuthorize(VendorPermissions.MAY_READ_REGISTER)
    @Transactional(readOnly = true)
    public List<Row> page(String text, String category, int offset, int limit) {
        List<Long> ids = dsl.select(VENDOR.ID).from(VENDOR).where(condition(text, category)).orderBy(VENDOR.LEGAL_NAME, VENDOR.ID)
                .offset(Math.max(0, offset)).limit(Math.max(1, Math.min(limit, 500))).fetch(VENDOR.ID);
        return rows(ids);
    }

    @PreAuthorize(VendorPermissions.MAY_READ_REGISTER)
    @Transactional(readOnly = true)
    public int count(String text, String category) {
        return dsl.fetchCount(VENDOR, condition(text, category));
    }

    /** The whole matrix as CSV: vendor, then one column per category ("x" where processed). */
    @PreAuthorize(VendorPermissions.MAY_READ_REGISTER)
    @Transactional(readOnly = true)
    public long exportCsv(String text, String category, OutputStream out, ExportProgress progress) {
        List<Category> columns = columns();
        List<String> header = new ArrayList<>(List.of("vendor"));
        columns.forEach(c -> header.add(c.name()));
        SafeCsv csv = SafeCsv.open(out, header.toArray(String[]::new));
        long written = 0;
        int offset = 0;
        while (!progress.cancelled()) {
            List<Row> rows = page(text, category, offset, 500);
            for (Row row : rows) {
                List<Object> cells = new ArrayList<>(List.of(row.vendorName()));
                columns.forEach(c -> cells.add(row.categories().contains(c.code()) ? "x" : ""));
                csv.row(cells.toArray());
            }
            written += rows.size();
            progress.rowsWritten(written);
            if (rows.size() < 500) {
                break;
            }
            offset += 500;
        }
        csv.close();
        return written;
    }

    private List<Row> rows(List<Long> ids) {
        Map<Long, Row> rows = new LinkedHashMap<>();
        dsl.select(VENDOR.ID, VENDOR.LEGAL_NAME).from(VENDOR).where(VENDOR.ID.in(ids)).orderBy(VENDOR.LEGAL_NAME, VENDOR.ID)
                .forEach(r -> rows.put(r.value1(), new Row(r.value1(), r.value2(), new TreeSet<>())));
        dsl.resultQuery("""
                select s.vendor_id, p.data_categories from vendors.vendor_service s join vendors.processing p on p.service_id = s.id
                where s.vendor_id = any({0})""", org.jooq.impl.DSL.val(ids.toArray(Long[]::new)))
                .forEach(r -> rows.get(r.get(0, Long.class)).categories().addAll(Arrays.asList((String[]) r.get(1))));
        return List.copyOf(rows.values());
    }

    private Condition condition(String text, String category) {
        Condition c = access.visibleVendors().and(VENDOR.STATUS.ne(VendorStatus.TERMINATED))
                .and(org.jooq.impl.DSL.condition("exists (select 1 from vendors.vendor_service s join vendors.processing p on p.service_id = s.id"
                        + " where s.vendor_id = {0})", VENDOR.ID));
        c = c.and(SearchSql.searchable(text) ? SearchSql.matchesAllWords(text, VENDOR.LEGAL_NAME) : noCondition());
        return c.and(category == null ? noCondition() : dev.steward.vendors.registry.VendorConditions.processesCategory(category));
    }
}
