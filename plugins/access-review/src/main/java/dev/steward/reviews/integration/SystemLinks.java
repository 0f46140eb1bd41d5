package dev.steward.reviews.integration;

import dev.steward.platform.search.SearchSql;
import dev.steward.platform.spi.EntityLinkProvider;
import dev.steward.reviews.ReviewPermissions;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static dev.steward.reviews.db.Tables.SYSTEM;

/** The systems under access review as linked records: an incident names the systems it affected, a vendor's service the system it runs. */
@Component
class SystemLinks implements EntityLinkProvider {

    static final String TYPE = "reviews.system";

    private final DSLContext dsl;

    SystemLinks(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String label() {
        return "System";
    }

    @Override
    public String requiredPermission() {
        return ReviewPermissions.READ;
    }

    @Override
    public String linkPermission() {
        return ReviewPermissions.ADMIN;
    }

    @Override
    public Kind kind() {
        return Kind.SYSTEM;
    }

    @Override
    public List<LinkTarget> find(String text, int limit) {
        var matches = SearchSql.searchable(text) ? SearchSql.matchesAllWords(text, SYSTEM.CODE, SYSTEM.NAME) : DSL.noCondition();
        return dsl.selectFrom(SYSTEM).where(matches).orderBy(SYSTEM.NAME).limit(limit).fetch(SystemLinks::target);
    }

    @Override
    public Map<String, LinkTarget> describe(Collection<String> ids) {
        List<Long> numeric = EntityLinkProvider.numericIds(ids);
        return dsl.selectFrom(SYSTEM).where(SYSTEM.ID.in(numeric)).fetch(SystemLinks::target).stream()
                .collect(Collectors.toMap(LinkTarget::id, t -> t));
    }

    private static LinkTarget target(dev.steward.reviews.db.tables.records.SystemRecord s) {
        return new LinkTarget(Long.toString(s.getId()), s.getName() + " (" + s.getCode() + ")",
                s.getCriticality().name().toLowerCase() + " criticality" + (s.getPersonalData() ? " · personal data" : ""), "reviews/systems");
    }
}
