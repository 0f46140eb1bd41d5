package dev.steward.reviews.campaigns;

import org.jooq.CommonTableExpression;
import org.jooq.Field;
import org.jooq.QueryPart;
import org.jooq.Record2;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.impl.DSL;

import static dev.steward.platform.db.generated.Tables.APP_USER;
import static dev.steward.platform.db.generated.Tables.PERSON;
import static org.jooq.impl.DSL.choose;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.lower;
import static org.jooq.impl.DSL.min;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.when;

/**
 * The SQL that picks an item's reviewer, shared by the launch (stage 1) and the opening of later stages. Over a row
 * {@code r} with the columns {@code candidate} (the reviewer by the stage's rule, or null), {@code subject_user} (the
 * holder's console user, or null), {@code fallback_reviewer} and {@code owner} of the campaign: the candidate unless
 * there is none or it would review their own access, then the fallback unless that is the holder, then the owner.
 * Each piece is a jOOQ part; the opening of later stages, still plain SQL, uses the same pieces rendered as text.
 */
final class ReviewerRouting {

    static final Field<Long> PERSON_ID = field(name("person_id"), Long.class);
    static final Field<String> USERNAME = field(name("username"), String.class);
    static final Field<String> CANDIDATE = field(name("candidate"), String.class);
    static final Field<String> SUBJECT_USER = field(name("subject_user"), String.class);
    static final Field<String> FALLBACK_REVIEWER = field(name("fallback_reviewer"), String.class);
    static final Field<String> OWNER = field(name("owner"), String.class);

    /** Console users matched to people of the directory by email: {@code person_user (person_id, username)}. */
    static final CommonTableExpression<Record2<Long, String>> PERSON_USERS = name("person_user").as(
            select(PERSON.ID.as(PERSON_ID), min(APP_USER.USERNAME).as(USERNAME))
                    .from(PERSON)
                    .join(APP_USER).on(DSL.condition(APP_USER.ACTIVE).and(lower(APP_USER.EMAIL).eq(lower(PERSON.EMAIL))))
                    .groupBy(PERSON.ID));

    /** {@link #PERSON_USERS} as SQL text, for statements still written as text. */
    static final String PERSON_USER = "person_user as (" + text(PERSON_USERS.$query()) + ")";

    /**
     * The candidate by the stage's rule (a column holding MANAGER, SYSTEM_OWNER or NAMED): the holder's manager's user,
     * the system owner's user or the named reviewer.
     */
    static Field<String> candidate(Field<String> rule, Field<String> managerUser, Field<String> ownerUser, Field<String> namedReviewer) {
        return choose(rule).when(inline("MANAGER"), managerUser).when(inline("SYSTEM_OWNER"), ownerUser).otherwise(namedReviewer);
    }

    /** {@link #candidate(Field, Field, Field, Field)} over SQL expressions given as text. */
    static String candidate(String rule, String managerUser, String ownerUser, String namedReviewer) {
        return text(candidate(field(rule, String.class), field(managerUser, String.class), field(ownerUser, String.class),
                field(namedReviewer, String.class)));
    }

    /** The reviewer of the row {@code r}. */
    static Field<String> reviewer(Table<?> r) {
        Field<String> candidate = of(r, CANDIDATE);
        Field<String> subject = of(r, SUBJECT_USER);
        Field<String> fallback = of(r, FALLBACK_REVIEWER);
        return when(candidate.isNotNull().and(candidate.isDistinctFrom(subject)), candidate)
                .when(fallback.isDistinctFrom(subject), fallback)
                .otherwise(of(r, OWNER));
    }

    /** Why the row {@code r} went to the fallback: no reviewer, or a self-review; null when it did not. */
    static Field<String> routedToFallback(Table<?> r) {
        Field<String> candidate = of(r, CANDIDATE);
        return when(candidate.isNull(), inline("no reviewer")).when(candidate.eq(of(r, SUBJECT_USER)), inline("self-review"));
    }

    static final String REVIEWER = text(reviewer(DSL.table(name("r"))));

    static final String ROUTED_TO_FALLBACK = text(routedToFallback(DSL.table(name("r"))));

    /** The column of a table, CTE or alias, by a column constant's name and type. */
    static <T> Field<T> of(Table<?> table, Field<T> column) {
        return field(table.getUnqualifiedName().append(column.getUnqualifiedName()), column.getDataType());
    }

    private static String text(QueryPart part) {
        return DSL.using(SQLDialect.POSTGRES).renderInlined(part);
    }

    private ReviewerRouting() {
    }
}
