package dev.steward.vendors.integration;

import dev.steward.vendors.VendorPermissions;
import org.jooq.DSLContext;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.jooq.impl.DSL.inline;

/** Figures for the dashboard, over vendors that are not terminated; each is one indexed query. */
@Service
public class VendorStats {

    private final DSLContext dsl;

    VendorStats(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Something that ends soon: a contract's term or a certificate. */
    public record Expiry(long vendorId, String vendorName, String what, LocalDate on) {
    }

    public record Overdue(long vendorId, String vendorName, int tier, LocalDate due) {
    }

    /** Vendors per tier, 1 to 4, then 0 for not yet assessed. */
    @PreAuthorize(VendorPermissions.MAY_READ_EVERY_VENDOR)
    @Transactional(readOnly = true)
    public Map<Integer, Integer> byTier() {
        Map<Integer, Integer> counts = new LinkedHashMap<>();
        for (int tier : new int[]{1, 2, 3, 4, 0}) {
            counts.put(tier, 0);
        }
        dsl.fetch("select coalesce(tier, 0) tier, count(*) n from vendors.vendor where status <> 'TERMINATED' group by 1")
                .forEach(r -> counts.put(r.get("tier", Integer.class), r.get("n", Integer.class)));
        return counts;
    }

    /** Contracts (not renewing themselves) and certificates (not yet replaced) ending within the days, soonest first. */
    @PreAuthorize(VendorPermissions.MAY_READ_EVERY_VENDOR)
    @Transactional(readOnly = true)
    public List<Expiry> expiringWithin(int days, int limit) {
        LocalDate today = LocalDate.now();
        return dsl.resultQuery("select * from (" + EXPIRIES + ") e order by on_day, legal_name limit {2}",
                        inline(today), inline(today.plusDays(days)), inline(limit))
                .fetch(r -> new Expiry(r.get(0, Long.class), r.get(1, String.class), r.get(2, String.class).replace('_', ' '), r.get(3, LocalDate.class)));
    }

    /** How many contracts and certificates end within the days (all of them, not only those a card shows). */
    @PreAuthorize(VendorPermissions.MAY_READ_EVERY_VENDOR)
    @Transactional(readOnly = true)
    public int expiringCount(int days) {
        LocalDate today = LocalDate.now();
        return dsl.fetchSingle("select count(*) from (" + EXPIRIES + ") e", inline(today), inline(today.plusDays(days))).get(0, Integer.class);
    }

    private static final String EXPIRIES = """
                    select v.id, v.legal_name, c.type what, c.ends_on on_day from vendors.contract c join vendors.vendor v on v.id = c.vendor_id
                    where c.status = 'SIGNED' and not c.auto_renewal and c.ends_on between {0} and {1} and v.status <> 'TERMINATED'
                    union all
                    select v.id, v.legal_name, coalesce(c.name, c.type), c.valid_to from vendors.certification c join vendors.vendor v on v.id = c.vendor_id
                    where c.valid_to between {0} and {1} and v.status <> 'TERMINATED'
                      and not exists (select 1 from vendors.certification n where n.vendor_id = c.vendor_id and n.type = c.type
                                      and coalesce(n.name, '') = coalesce(c.name, '') and n.valid_to > c.valid_to)""";

    @PreAuthorize(VendorPermissions.MAY_READ_EVERY_VENDOR)
    @Transactional(readOnly = true)
    public int overdueReviewCount() {
        return dsl.fetchSingle("select count(*) from vendors.vendor where next_review_on < current_date and status <> 'TERMINATED'").get(0, Integer.class);
    }

    @PreAuthorize(VendorPermissions.MAY_READ_EVERY_VENDOR)
    @Transactional(readOnly = true)
    public List<Overdue> overdueReviews(int limit) {
        return dsl.resultQuery("""
                select id, legal_name, tier, next_review_on from vendors.vendor where next_review_on < current_date and status <> 'TERMINATED'
                order by next_review_on, legal_name limit {0}""", inline(limit))
                .fetch(r -> new Overdue(r.get(0, Long.class), r.get(1, String.class), r.get(2, Integer.class), r.get(3, LocalDate.class)));
    }

    /** Vendors with at least one transfer outside the EEA/UK without a safeguard. */
    @PreAuthorize(VendorPermissions.MAY_READ_EVERY_VENDOR)
    @Transactional(readOnly = true)
    public int vendorsWithTransferGaps() {
        return dsl.fetchSingle("""
                select count(*) from vendors.vendor v where v.status <> 'TERMINATED' and exists (select 1 from vendors.vendor_service s
                join vendors.processing p on p.service_id = s.id and p.transfer_gap where s.vendor_id = v.id)""").get(0, Integer.class);
    }

    /** Vendors processing special-category or children's data. */
    @PreAuthorize(VendorPermissions.MAY_READ_EVERY_VENDOR)
    @Transactional(readOnly = true)
    public int vendorsWithSpecialCategoryData() {
        return dsl.fetchSingle("""
                select count(*) from vendors.vendor v where v.status <> 'TERMINATED' and exists (select 1 from vendors.vendor_service s
                join vendors.processing p on p.service_id = s.id and (p.special_category or p.children) where s.vendor_id = v.id)""").get(0, Integer.class);
    }
}
