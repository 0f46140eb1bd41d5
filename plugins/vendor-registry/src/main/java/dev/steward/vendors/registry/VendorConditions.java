package dev.steward.vendors.registry;

import org.jooq.Condition;
import org.jooq.Field;

import java.time.LocalDate;

import static dev.steward.vendors.db.Tables.VENDOR;
import static org.jooq.impl.DSL.condition;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;

/** SQL conditions on {@code vendors.vendor} shared by the grid, the matrix and exports. */
public final class VendorConditions {

    private VendorConditions() {
    }

    /** A DPA is required (processing as processor or sub-processor) and no signed DPA is in force today (DpaStatusRule in SQL). */
    public static Condition dpaGap(LocalDate today) {
        return condition("""
                exists (select 1 from vendors.vendor_service s join vendors.processing p on p.service_id = s.id
                        where s.vendor_id = {0} and p.relationship in ('PROCESSOR', 'SUB_PROCESSOR'))
                and not exists (select 1 from vendors.contract c where c.vendor_id = {0} and c.type = 'DPA' and c.status = 'SIGNED'
                        and (c.effective_on is null or c.effective_on <= {1}) and (c.ends_on is null or c.ends_on >= {1} or c.auto_renewal))""",
                VENDOR.ID, inline(today));
    }

    public static Condition transferGap() {
        return condition("exists (select 1 from vendors.vendor_service s join vendors.processing p on p.service_id = s.id and p.transfer_gap"
                + " where s.vendor_id = {0})", VENDOR.ID);
    }

    public static Condition specialCategory() {
        return condition("exists (select 1 from vendors.vendor_service s join vendors.processing p on p.service_id = s.id"
                + " and (p.special_category or p.children) where s.vendor_id = {0})", VENDOR.ID);
    }

    /** {@link #dpaGap} as a filter over every vendor: two set lookups instead of two subqueries per vendor. */
    public static Condition missingDpa(LocalDate today) {
        return VENDOR.ID.in(servicesWhere("p.relationship in ('PROCESSOR', 'SUB_PROCESSOR')")).and(VENDOR.ID.notIn(
                org.jooq.impl.DSL.select(field("c.vendor_id", Long.class)).from("vendors.contract c").where(condition("""
                        c.type = 'DPA' and c.status = 'SIGNED' and (c.effective_on is null or c.effective_on <= {0})
                        and (c.ends_on is null or c.ends_on >= {0} or c.auto_renewal)""", inline(today)))));
    }

    /** As a filter over every vendor: the vendors are found from the processing side (partial index), not row by row. */
    public static Condition hasTransferGap() {
        return VENDOR.ID.in(servicesWhere("p.transfer_gap"));
    }

    /** Some processing of the vendor covers the category: from the per-vendor summary (V6), not the processing records. */
    public static Condition processesCategory(String code) {
        return VENDOR.ID.in(reachWhere("data_categories @> array[{0}]::varchar[]", inline(code)));
    }

    /** Headquartered in the country, or processing or storing data there (per-vendor summary of V6). */
    public static Condition inCountry(String code) {
        return VENDOR.HQ_COUNTRY.eq(code).or(VENDOR.ID.in(reachWhere("countries @> array[{0}]::varchar[]", inline(code))));
    }

    private static org.jooq.Select<org.jooq.Record1<Long>> reachWhere(String condition, Object... bindings) {
        return org.jooq.impl.DSL.select(field("vendor_id", Long.class)).from("vendors.vendor_reach").where(condition(condition, bindings));
    }

    private static org.jooq.Select<org.jooq.Record1<Long>> servicesWhere(String processingCondition, Object... bindings) {
        return org.jooq.impl.DSL.select(field("s.vendor_id", Long.class))
                .from("vendors.vendor_service s join vendors.processing p on p.service_id = s.id")
                .where(condition(processingCondition, bindings));
    }

    /**
     * A signed contract's term (not renewing itself) or a certificate ends between today and the given number of days,
     * at a vendor still in use: the dashboard's expiry card counts the same.
     */
    public static Condition expiringWithin(int days, LocalDate today) {
        return condition("""
                {3} <> 'TERMINATED' and (exists (select 1 from vendors.contract c where c.vendor_id = {0} and c.status = 'SIGNED' and not c.auto_renewal
                         and c.ends_on between {1} and {2})
                 or exists (select 1 from vendors.certification c where c.vendor_id = {0} and c.valid_to between {1} and {2}
                         and not exists (select 1 from vendors.certification n where n.vendor_id = c.vendor_id and n.type = c.type
                                         and coalesce(n.name, '') = coalesce(c.name, '') and n.valid_to > c.valid_to)))""",
                VENDOR.ID, inline(today), inline(today.plusDays(days)), VENDOR.STATUS);
    }

    public static Field<Integer> openTasks() {
        return field("(select count(*) from vendors.reassessment_task t where t.vendor_id = {0} and t.done_at is null)", Integer.class, VENDOR.ID);
    }
}
