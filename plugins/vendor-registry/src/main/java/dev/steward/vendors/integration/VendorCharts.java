package dev.steward.vendors.integration;

import dev.steward.vendors.VendorPermissions;
import org.jooq.DSLContext;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.stream.Stream;

import static org.jooq.impl.DSL.val;

/** The vendor charts' figures, over vendors that are not terminated; each one grouped query. */
@Service
public class VendorCharts {

    /** Tiers 1 to 4, then 0 for not assessed; sensitivity 1 (low) to 4 (very high), 0 for no personal data recorded. */
    public static final List<Integer> TIERS = List.of(1, 2, 3, 4, 0);
    public static final List<Integer> SENSITIVITIES = List.of(4, 3, 2, 1, 0);

    /** {@code counts[tier index][sensitivity index]} in the orders of {@link #TIERS} and {@link #SENSITIVITIES}. */
    public record TierBySensitivity(int[][] counts) {
        public int count(int tier, int sensitivity) {
            return counts[TIERS.indexOf(tier)][SENSITIVITIES.indexOf(sensitivity)];
        }
    }

    /** Per month, contracts (not renewing themselves) and certificates (not yet replaced) that end in it. */
    public record Expiries(List<YearMonth> months, int[] contracts, int[] certificates) {
    }

    private final DSLContext dsl;

    VendorCharts(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * Vendors per risk tier and data sensitivity: the highest catalogue sensitivity of the categories their services
     * process, special-category data counting as 4 (as the inherent risk does).
     */
    @PreAuthorize(VendorPermissions.MAY_READ_EVERY_VENDOR)
    @Transactional(readOnly = true)
    public TierBySensitivity byTierAndSensitivity() {
        int[][] counts = new int[TIERS.size()][SENSITIVITIES.size()];
        dsl.fetch("""
                select coalesce(v.tier, 0) tier, coalesce(s.level, 0) level, count(*) n
                from vendors.vendor v
                left join lateral (
                    select greatest(max(case when p.special_category then 4 end), max(e.sensitivity)) level
                    from vendors.vendor_service vs join vendors.processing p on p.service_id = vs.id
                    left join lateral unnest(p.data_categories) c(code) on true
                    left join platform.catalog_entry e on e.kind = 'DATA_CATEGORY' and e.code = c.code
                    where vs.vendor_id = v.id) s on true
                where v.status <> 'TERMINATED' group by 1, 2""")
                .forEach(r -> counts[TIERS.indexOf(r.get("tier", Integer.class))][SENSITIVITIES.indexOf(r.get("level", Integer.class))]
                        = r.get("n", Integer.class));
        return new TierBySensitivity(counts);
    }

    /** This month and the next {@code months - 1}, counted from today (what ended earlier this month is past). */
    @PreAuthorize(VendorPermissions.MAY_READ_EVERY_VENDOR)
    @Transactional(readOnly = true)
    public Expiries expiriesPerMonth(int months) {
        LocalDate today = LocalDate.now();
        List<YearMonth> all = Stream.iterate(YearMonth.from(today), m -> m.plusMonths(1)).limit(months).toList();
        Expiries result = new Expiries(all, new int[months], new int[months]);
        dsl.resultQuery("""
                select what, to_char(on_day, 'YYYY-MM') ym, count(*) n from (
                    select 'contract' what, c.ends_on on_day from vendors.contract c join vendors.vendor v on v.id = c.vendor_id
                    where c.status = 'SIGNED' and not c.auto_renewal and c.ends_on between {0} and {1} and v.status <> 'TERMINATED'
                    union all
                    select 'certificate', c.valid_to from vendors.certification c join vendors.vendor v on v.id = c.vendor_id
                    where c.valid_to between {0} and {1} and v.status <> 'TERMINATED'
                      and not exists (select 1 from vendors.certification n where n.vendor_id = c.vendor_id and n.type = c.type
                                      and coalesce(n.name, '') = coalesce(c.name, '') and n.valid_to > c.valid_to)) e
                group by 1, 2""", val(today), val(all.getLast().atEndOfMonth()))
                .forEach(r -> {
                    int index = all.indexOf(YearMonth.parse(r.get("ym", String.class)));
                    (r.get("what", String.class).equals("contract") ? result.contracts() : result.certificates())[index] = r.get("n", Integer.class);
                });
        return result;
    }
}
