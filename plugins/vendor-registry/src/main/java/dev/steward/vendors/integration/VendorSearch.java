package dev.steward.vendors.integration;

import dev.steward.platform.search.SearchSql;
import dev.steward.platform.spi.SearchProvider;
import dev.steward.vendors.VendorPermissions;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.springframework.stereotype.Component;

import java.util.List;

import static dev.steward.vendors.db.Tables.VENDOR;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;

/** Global search over vendors by legal or trading name (the trigram index {@code vendors.vendor_search_trgm}). */
@Component
class VendorSearch implements SearchProvider {

    /** The expression of the trigram index. */
    private static final Field<String> NAMES = field("({0} || ' ' || {1})", String.class, VENDOR.LEGAL_NAME, coalesce(VENDOR.TRADING_NAME, inline("")));

    private final DSLContext dsl;

    VendorSearch(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public String group() {
        return "Vendors";
    }

    @Override
    public String requiredPermission() {
        return VendorPermissions.READ;
    }

    @Override
    public List<SearchHit> search(SearchQuery query) {
        if (!SearchSql.searchable(query.text())) {
            return List.of();
        }
        var candidates = dsl.select(VENDOR.ID, VENDOR.LEGAL_NAME, VENDOR.TRADING_NAME, VENDOR.STATUS, VENDOR.TIER, NAMES.as("names"))
                .from(VENDOR).where(SearchSql.matchesAllWords(query.text(), NAMES)).limit(SearchSql.CANDIDATES).asTable("c");
        Field<String> names = candidates.field("names", String.class);
        return dsl.select(candidates.fields()).from(candidates)
                .orderBy(SearchSql.similarity(names, query.text()).desc(), candidates.field(VENDOR.LEGAL_NAME))
                .limit(query.limit())
                .fetch(r -> new SearchHit(
                        r.get(VENDOR.TRADING_NAME.getName(), String.class) == null ? r.get(VENDOR.LEGAL_NAME.getName(), String.class)
                                : r.get(VENDOR.TRADING_NAME.getName(), String.class) + " (" + r.get(VENDOR.LEGAL_NAME.getName(), String.class) + ")",
                        r.get(VENDOR.STATUS.getName(), String.class).toLowerCase()
                                + (r.get(VENDOR.TIER.getName()) == null ? " · not assessed" : " · tier " + r.get(VENDOR.TIER.getName())),
                        "vendors/" + r.get(VENDOR.ID.getName(), Long.class)));
    }
}
