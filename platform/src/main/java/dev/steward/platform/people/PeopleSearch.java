package dev.steward.platform.people;

import dev.steward.platform.search.SearchSql;
import dev.steward.platform.security.PlatformPermissions;
import dev.steward.platform.spi.SearchProvider;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

import java.util.List;

import static dev.steward.platform.db.generated.Tables.PERSON;

/** People in the global search: by any words of name, employee id or email (trigram index person_search_trgm). */
@Component
class PeopleSearch implements SearchProvider {

    private final DSLContext dsl;

    PeopleSearch(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public String group() {
        return "People";
    }

    @Override
    public String requiredPermission() {
        return PlatformPermissions.PEOPLE_READ;
    }

    @Override
    public List<SearchHit> search(SearchQuery query) {
        var candidates = dsl.select(PERSON.EMPLOYEE_ID, PERSON.FULL_NAME, PERSON.EMAIL, PERSON.TITLE)
                .from(PERSON).where(SearchSql.matchesAllWords(query.text(), PeopleDirectory.SEARCH_TEXT))
                .limit(SearchSql.CANDIDATES).asTable("c");
        var name = candidates.field(PERSON.FULL_NAME);
        return dsl.selectFrom(candidates).orderBy(SearchSql.similarity(name, query.text()).desc()).limit(query.limit())
                .fetch(r -> new SearchHit(r.get(name) + " (" + r.get(candidates.field(PERSON.EMPLOYEE_ID)) + ")",
                        join(r.get(candidates.field(PERSON.TITLE)), r.get(candidates.field(PERSON.EMAIL))),
                        "people?q=" + r.get(candidates.field(PERSON.EMPLOYEE_ID))));
    }

    private static String join(String a, String b) {
        return a == null ? b : b == null ? a : a + " · " + b;
    }
}
