package dev.steward.reviews.integration;

import dev.steward.platform.search.SearchSql;
import dev.steward.platform.spi.SearchProvider;
import dev.steward.reviews.ReviewPermissions;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.springframework.stereotype.Component;

import java.util.List;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.val;

/**
 * Global search over who has access now: the current accounts of every system, found by account name, employee id,
 * email or display name (trigram index {@code reviews.account_search_trgm}), or by the name of the person they belong
 * to (matched by each system's join rule, as campaign launch matches them; the directory's {@code person_search_trgm}).
 * Each hit is "account · system" with the number of entitlements the account holds, and opens the system's history.
 */
@Component
class AccessSearch implements SearchProvider {

    /** The expression of {@code reviews.account_search_trgm} (V9), on the alias {@code a}. */
    static final Field<String> ACCOUNT_TEXT = field("(a.account_name || ' ' || coalesce(a.employee_id, '') || ' ' || coalesce(a.email, '')"
            + " || ' ' || coalesce(a.display_name, ''))", String.class);
    /** The expression of {@code platform.person_search_trgm}, on the alias {@code p}. */
    static final Field<String> PERSON_TEXT = field("(p.full_name || ' ' || p.employee_id || ' ' || coalesce(p.email, ''))", String.class);

    private static final String SQL = """
            with people as (select p.id, p.employee_id, p.email from platform.person p where {0} limit {2}),
            hits as (
                (select a.id from reviews.account a where a.removed_import is null and {1} limit {2})
                union
                (select a.id from people p join reviews.account a on a.removed_import is null and a.employee_id = p.employee_id
                     join reviews.system s on s.id = a.system_id and s.join_rule in ('EMPLOYEE_ID_THEN_EMAIL', 'EMPLOYEE_ID'))
                union
                (select a.id from people p join reviews.account a on a.removed_import is null and lower(a.email) = lower(p.email)
                     join reviews.system s on s.id = a.system_id
                     and (s.join_rule = 'EMAIL' or (s.join_rule = 'EMPLOYEE_ID_THEN_EMAIL' and a.employee_id is null)))
                union
                (select a.id from people p join reviews.account a on a.removed_import is null and lower(a.account_name) = lower(p.employee_id)
                     join reviews.system s on s.id = a.system_id and s.join_rule = 'ACCOUNT_IS_EMPLOYEE_ID')
                union
                (select a.id from people p join reviews.account a on a.removed_import is null
                     and lower(a.account_name) = lower(split_part(p.email, '@', 1))
                     join reviews.system s on s.id = a.system_id and s.join_rule = 'ACCOUNT_IS_EMAIL_LOCAL_PART')
            )
            select a.account_name, a.display_name, a.employee_id, s.id system_id, s.name system_name,
                   coalesce(p1.full_name, p2.full_name, p3.full_name, p4.full_name) person_name,
                   a.grants entitlements,
                   greatest(platform.similarity({3}, {4}),
                            coalesce(platform.similarity(coalesce(p1.full_name, p2.full_name, p3.full_name, p4.full_name), {4}), 0)) score
            from hits h join reviews.account a on a.id = h.id join reviews.system s on s.id = a.system_id
            -- the person by the system's join rule (as campaign launch matches them)
            left join platform.person p1 on s.join_rule in ('EMPLOYEE_ID_THEN_EMAIL', 'EMPLOYEE_ID') and p1.employee_id = a.employee_id
            left join platform.person p2 on (s.join_rule = 'EMAIL' or (s.join_rule = 'EMPLOYEE_ID_THEN_EMAIL' and a.employee_id is null))
                 and lower(p2.email) = lower(a.email)
            left join platform.person p3 on s.join_rule = 'ACCOUNT_IS_EMPLOYEE_ID' and lower(p3.employee_id) = lower(a.account_name)
            left join platform.person p4 on s.join_rule = 'ACCOUNT_IS_EMAIL_LOCAL_PART'
                 and lower(split_part(p4.email, '@', 1)) = lower(a.account_name)
            order by score desc, a.account_name, s.name
            limit {5}""";

    private final DSLContext dsl;

    AccessSearch(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public String group() {
        return "Access (current imports)";
    }

    @Override
    public String requiredPermission() {
        return ReviewPermissions.READ;
    }

    @Override
    public List<SearchHit> search(SearchQuery query) {
        if (!SearchSql.searchable(query.text())) {
            return List.of();
        }
        return dsl.fetch(SQL, SearchSql.matchesAllWords(query.text(), PERSON_TEXT), SearchSql.matchesAllWords(query.text(), ACCOUNT_TEXT),
                        inline(SearchSql.CANDIDATES), ACCOUNT_TEXT, val(query.text()), val(Math.max(1, query.limit())))
                .map(r -> {
                    String person = r.get("person_name", String.class);
                    String display = r.get("display_name", String.class);
                    String employeeId = r.get("employee_id", String.class);
                    long entitlements = r.get("entitlements", Long.class);
                    StringBuilder detail = new StringBuilder();
                    detail.append(person != null ? person : display != null ? display + " (no person in the directory)" : "no person in the directory");
                    if (employeeId != null) {
                        detail.append(" · ").append(employeeId);
                    }
                    detail.append(" · ").append(entitlements).append(entitlements == 1 ? " entitlement" : " entitlements");
                    return new SearchHit(r.get("account_name", String.class) + " · " + r.get("system_name", String.class), detail.toString(),
                            "reviews/systems?history=" + r.get("system_id", Long.class));
                });
    }
}
