package dev.steward.reviews.integration;

import dev.steward.platform.search.SearchSql;
import dev.steward.platform.spi.SearchProvider;
import dev.steward.reviews.ReviewPermissions;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

import java.util.List;

import static dev.steward.reviews.db.Tables.SYSTEM;

/** Global search over the systems under review (a few hundred rows: no trigram index needed). */
@Component
class SystemSearch implements SearchProvider {

    private final DSLContext dsl;

    SystemSearch(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public String group() {
        return "Systems under access review";
    }

    @Override
    public String requiredPermission() {
        return ReviewPermissions.READ;
    }

    @Override
    public List<SearchHit> search(SearchQuery query) {
        return dsl.selectFrom(SYSTEM).where(SearchSql.matchesAllWords(query.text(), SYSTEM.CODE, SYSTEM.NAME))
                .orderBy(SYSTEM.NAME).limit(query.limit())
                .fetch(s -> new SearchHit(s.getName() + " (" + s.getCode() + ")",
                        s.getCriticality().name().toLowerCase() + " criticality" + (s.getPersonalData() ? " · personal data" : ""),
                        "reviews/systems"));
    }
}
