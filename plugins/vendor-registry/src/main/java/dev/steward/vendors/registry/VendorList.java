package dev.steward.vendors.registry;

import dev.steward.platform.search.SearchSql;
import dev.steward.vendors.VendorAccess;
import dev.steward.vendors.VendorPermissions;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SortField;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static dev.steward.vendors.db.Tables.VENDOR;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.noCondition;

/** The vendor grid: filters, sorting and paging in SQL; owners see their own vendors only. */
@Service
public class VendorList {

    public enum Sort { NAME, TIER, STATUS, NEXT_REVIEW }

    private static final Field<String> NAMES = field("({0} || ' ' || {1})", String.class, VENDOR.LEGAL_NAME, coalesce(VENDOR.TRADING_NAME, inline("")));

    private final DSLContext dsl;
    private final VendorAccess access;

    VendorList(DSLContext dsl, VendorAccess access) {
        this.dsl = dsl;
        this.access = access;
    }

    @PreAuthorize(VendorPermissions.MAY_READ)
    @Transactional(readOnly = true)
    public List<VendorRow> page(VendorFilter filter, Sort sort, boolean descending, int offset, int limit) {
        LocalDate today = LocalDate.now();
        // the page's ids first: the per-row flags below are subqueries, computed for these rows only
        List<Long> ids = dsl.select(VENDOR.ID).from(VENDOR).where(condition(filter, today)).orderBy(order(sort, descending), VENDOR.ID)
                .offset(Math.max(0, offset)).limit(Math.max(1, Math.min(limit, 500))).fetch(VENDOR.ID);
        Map<Long, VendorRow> rows = dsl.select(VENDOR.ID, VENDOR.LEGAL_NAME, VENDOR.TRADING_NAME, VENDOR.STATUS, VENDOR.CRITICALITY, VENDOR.TIER,
                        VendorRegistry.PERSON_NAME, VENDOR.HQ_COUNTRY, VENDOR.NEXT_REVIEW_ON,
                        field(VendorConditions.dpaGap(today)), field(VendorConditions.transferGap()), field(VendorConditions.specialCategory()),
                        VendorConditions.openTasks())
                .from(VENDOR).leftJoin(VendorRegistry.PERSON).on(VendorRegistry.PERSON_ID.eq(VENDOR.OWNER_PERSON_ID))
                .where(VENDOR.ID.in(ids))
                .fetchMap(r -> r.value1(), r -> new VendorRow(r.value1(), r.value2(), r.value3(), r.value4(),
                        r.value5(), r.value6() == null ? null : r.value6().intValue(), r.value7(), r.value8(), r.value9(),
                        r.value10(), r.value11(), r.value12(), r.value13()));
        return ids.stream().map(rows::get).toList();
    }

    @PreAuthorize(VendorPermissions.MAY_READ)
    @Transactional(readOnly = true)
    public int count(VendorFilter filter) {
        return dsl.fetchCount(VENDOR, condition(filter, LocalDate.now()));
    }

    Condition condition(VendorFilter f, LocalDate today) {
        Condition c = access.visibleVendors();
        if (f == null) {
            return c;
        }
        if (SearchSql.searchable(f.text())) {
            c = c.and(SearchSql.matchesAllWords(f.text(), NAMES));
        }
        c = c.and(f.tier() == null ? noCondition() : VENDOR.TIER.eq(f.tier().shortValue()));
        c = c.and(f.status() == null ? noCondition() : VENDOR.STATUS.eq(f.status()));
        c = c.and(f.dataCategory() == null ? noCondition() : VendorConditions.processesCategory(f.dataCategory()));
        c = c.and(f.country() == null ? noCondition() : VendorConditions.inCountry(f.country()));
        c = c.and(f.expiringWithinDays() == null ? noCondition() : VendorConditions.expiringWithin(f.expiringWithinDays(), today));
        c = c.and(f.missingDpa() ? VendorConditions.missingDpa(today) : noCondition());
        c = c.and(f.mineOnly() ? access.ownedByMe() : noCondition());
        return c.and(f.transferGap() ? VendorConditions.hasTransferGap() : noCondition());
    }

    private static SortField<?> order(Sort sort, boolean descending) {
        Field<?> f = switch (sort == null ? Sort.NAME : sort) {
            case NAME -> VENDOR.LEGAL_NAME;
            case TIER -> VENDOR.TIER;
            case STATUS -> VENDOR.STATUS;
            case NEXT_REVIEW -> VENDOR.NEXT_REVIEW_ON;
        };
        return descending ? f.desc().nullsLast() : f.asc().nullsLast();
    }
}
