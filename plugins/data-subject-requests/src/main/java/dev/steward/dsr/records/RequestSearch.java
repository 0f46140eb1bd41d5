package dev.steward.dsr.records;

import dev.steward.dsr.DsrPermissions;
import dev.steward.dsr.requests.RequestStatus;
import dev.steward.dsr.requests.RequestText;
import dev.steward.platform.search.SearchSql;
import dev.steward.platform.spi.SearchProvider;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.springframework.stereotype.Component;

import java.util.List;

import static dev.steward.dsr.db.Tables.REQUEST;

/** Global search over requests by reference, requester name or email (the trigram index {@code dsr.request_search_trgm}). */
@Component
class RequestSearch implements SearchProvider {

    private static final Field<String> TEXT = RequestText.FIELD;

    private final DSLContext dsl;

    RequestSearch(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public String group() {
        return "Rights requests";
    }

    @Override
    public String requiredPermission() {
        return DsrPermissions.READ;
    }

    @Override
    public List<SearchHit> search(SearchQuery query) {
        if (!SearchSql.searchable(query.text())) {
            return List.of();
        }
        var candidates = dsl.select(REQUEST.ID, REQUEST.REFERENCE, REQUEST.REQUESTER_NAME, REQUEST.STATUS, TEXT.as("text"))
                .from(REQUEST).where(SearchSql.matchesAllWords(query.text(), TEXT)).limit(SearchSql.CANDIDATES).asTable("c");
        Field<String> text = candidates.field("text", String.class);
        return dsl.select(candidates.fields()).from(candidates)
                .orderBy(SearchSql.similarity(text, query.text()).desc(), candidates.field(REQUEST.ID).desc())
                .limit(query.limit())
                .fetch(r -> new SearchHit(
                        r.get(REQUEST.REFERENCE.getName(), String.class) + " · " + nameOf(r.get(REQUEST.REQUESTER_NAME.getName(), String.class)),
                        RequestStatus.valueOf(r.get(REQUEST.STATUS.getName(), String.class)).label(),
                        "requests/" + r.get(REQUEST.ID.getName(), Long.class)));
    }

    private static String nameOf(String name) {
        return name == null ? "personal data purged" : name;
    }
}
