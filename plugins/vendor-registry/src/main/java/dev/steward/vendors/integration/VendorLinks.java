package dev.steward.vendors.integration;

import dev.steward.platform.search.SearchSql;
import dev.steward.platform.security.CurrentUser;
import dev.steward.platform.spi.EntityLinkProvider;
import dev.steward.vendors.VendorAccess;
import dev.steward.vendors.VendorPermissions;
import dev.steward.vendors.db.tables.records.VendorRecord;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static dev.steward.vendors.db.Tables.VENDOR;

/**
 * Vendors as linked records: an incident caused by or involving a vendor shows on the vendor's page, and a vendor's
 * page can open a new incident about it. Business owners see and link their own vendors only.
 */
@Component
public class VendorLinks implements EntityLinkProvider {

    public static final String TYPE = "vendors.vendor";

    private final DSLContext dsl;
    private final VendorAccess access;

    VendorLinks(DSLContext dsl, VendorAccess access) {
        this.dsl = dsl;
        this.access = access;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String label() {
        return "Vendor";
    }

    @Override
    public String requiredPermission() {
        return VendorPermissions.READ;
    }

    @Override
    public boolean visibleToCurrentUser() {
        return access.mayReadAll() || CurrentUser.hasPermission(VendorPermissions.OWN);
    }

    @Override
    public String linkPermission() {
        return VendorPermissions.EDIT;
    }

    @Override
    public boolean mayLink(String id) {
        List<Long> vendorId = EntityLinkProvider.numericIds(List.of(id));
        return access.mayEditAll() || (!vendorId.isEmpty() && CurrentUser.hasPermission(VendorPermissions.OWN)
                && dsl.fetchExists(VENDOR, VENDOR.ID.eq(vendorId.getFirst()).and(access.ownedByMe())));
    }

    @Override
    public Kind kind() {
        return Kind.THIRD_PARTY;
    }

    @Override
    public List<LinkTarget> find(String text, int limit) {
        var matches = SearchSql.searchable(text)
                ? SearchSql.matchesAllWords(text, VENDOR.LEGAL_NAME, DSL.coalesce(VENDOR.TRADING_NAME, DSL.inline(""))) : DSL.noCondition();
        return dsl.selectFrom(VENDOR).where(matches).and(access.visibleVendors()).orderBy(VENDOR.LEGAL_NAME).limit(limit)
                .fetch(VendorLinks::target);
    }

    @Override
    public Map<String, LinkTarget> describe(Collection<String> ids) {
        return dsl.selectFrom(VENDOR).where(VENDOR.ID.in(EntityLinkProvider.numericIds(ids))).and(access.visibleVendors())
                .fetch(VendorLinks::target).stream().collect(Collectors.toMap(LinkTarget::id, t -> t));
    }

    private static LinkTarget target(VendorRecord v) {
        String name = v.getTradingName() == null ? v.getLegalName() : v.getTradingName() + " (" + v.getLegalName() + ")";
        return new LinkTarget(Long.toString(v.getId()), name, v.getStatus().name().toLowerCase() + (v.getTier() == null ? "" : " · tier " + v.getTier()),
                "vendors/" + v.getId());
    }
}
