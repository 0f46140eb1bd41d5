package dev.steward.reviews.campaigns;

import org.jooq.CaseConditionStep;
import org.jooq.CommonTableExpression;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record2;
import org.jooq.ResultQuery;
import org.jooq.Select;
import org.jooq.SelectJoinStep;
import org.jooq.Table;
import org.jooq.impl.SQLDataType;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static dev.steward.reviews.campaigns.ReviewerRouting.of;
import static dev.steward.platform.db.generated.Tables.PERSON;
import static dev.steward.reviews.db.Tables.ACCESS_GRANT;
import static dev.steward.reviews.db.Tables.ACCOUNT;
import static dev.steward.reviews.db.Tables.CAMPAIGN;
import static dev.steward.reviews.db.Tables.CAMPAIGN_ITEM_COUNT;
import static dev.steward.reviews.db.Tables.CAMPAIGN_STAGE;
import static dev.steward.reviews.db.Tables.ENTITLEMENT;
import static dev.steward.reviews.db.Tables.REVIEW_ITEM;
import static dev.steward.reviews.db.Tables.SOD_RULE;
import static dev.steward.reviews.db.Tables.SYSTEM;
import static org.jooq.impl.DSL.any;
import static org.jooq.impl.DSL.array;
import static org.jooq.impl.DSL.arrayRemove;
import static org.jooq.impl.DSL.cardinality;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.condition;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.falseCondition;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.insertInto;
import static org.jooq.impl.DSL.lower;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.not;
import static org.jooq.impl.DSL.resultQuery;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectDistinct;
import static org.jooq.impl.DSL.table;
import static org.jooq.impl.DSL.val;
import static org.jooq.impl.DSL.when;
import static org.jooq.impl.DSL.with;

/**
 * The launch statement of {@link CampaignGenerator}, as named jOOQ pieces: each CTE is a method of its own, the tables
 * are the generated ones (a schema change fails the build), the launch's temporary tables and the CTEs' columns are
 * typed constants defined once, and the values (campaign, scope, entitlement filter) are binds.
 * <p>
 * Shape, which the launch's speed depends on: the items are inserted by a data-modifying CTE {@code inserted} (itself
 * {@code insert into <item table> ... with sys, holder, [optional parts], flagged, routed select ...}) whose returned
 * rows feed the item counts ({@code counted}) and the items per reviewer (the statement's result). The per-account
 * facts come from {@code launch_holder}, the per-system ones from {@code sys}: a million grants meet a few hash tables.
 */
final class LaunchStatement {

    /**
     * An entitlement held by fewer than this share of a person's peers is a peer outlier: peers are the people of the
     * same org unit, or with the same job title (groups of 5+ people).
     */
    static final double OUTLIER_SHARE = 0.10;

    // the temporary table of each account's holder (CampaignGenerator.ACCOUNT_HOLDER) and its columns
    static final Table<Record> LAUNCH_HOLDER = table(name("launch_holder"));
    static final Field<Long> ACCOUNT_ID = field(name("account_id"), Long.class);
    static final Field<Long> SYSTEM_ID = field(name("system_id"), Long.class);
    static final Field<String> ACCOUNT_NAME = field(name("account_name"), String.class);
    static final Field<Long> PERSON_ID = field(name("person_id"), Long.class);
    static final Field<String> PERSON_NAME = field(name("person_name"), String.class);
    static final Field<String> STATUS = field(name("status"), String.class);
    static final Field<Long> ORG_UNIT_ID = field(name("org_unit_id"), Long.class);
    static final Field<String> TITLE = field(name("title"), String.class);
    static final Field<Boolean> DORMANT = field(name("dormant"), Boolean.class);
    /** The source system reports the account disabled (V19), yet the import found it holding access. */
    static final Field<Boolean> DISABLED = field(name("disabled"), Boolean.class);
    static final Field<String> MANAGER_USER = field(name("manager_user"), String.class);
    static final Field<String> SUBJECT_USER = ReviewerRouting.SUBJECT_USER;

    // the other columns of the CTEs
    static final Field<String> ENTITLEMENT_NAME = field(name("entitlement"), String.class);
    static final Field<String> GRANTED_VIA = field(name("granted_via"), String.class);
    static final Field<Boolean> PRIVILEGED = field(name("privileged"), Boolean.class);
    /** The person, or for an orphan account the account row itself (negative, so the two never meet). */
    static final Field<Long> HOLDER = field(name("holder"), Long.class);
    static final Field<String> OWNER_USER = field(name("owner_user"), String.class);
    static final Field<String> REVIEWER_RULE = field(name("reviewer_rule"), String.class);
    static final Field<String> NAMED_REVIEWER = field(name("named_reviewer"), String.class);
    static final Field<String> FALLBACK_REVIEWER = ReviewerRouting.FALLBACK_REVIEWER;
    static final Field<String> OWNER = ReviewerRouting.OWNER;
    static final Field<Boolean> PRIVILEGED_ONLY = field(name("privileged_only"), Boolean.class);
    static final Field<Boolean> FLAGGED_ONLY = field(name("flagged_only"), Boolean.class);
    static final Field<Long[]> ORG_UNIT_IDS = field(name("org_unit_ids"), SQLDataType.BIGINT.array());
    static final Field<Boolean> ORPHAN = field(name("orphan"), Boolean.class);
    static final Field<Boolean> TERMINATED = field(name("terminated"), Boolean.class);
    static final Field<Boolean> CONFLICT = field(name("conflict"), Boolean.class);
    static final Field<Boolean> OUTLIER = field(name("outlier"), Boolean.class);
    static final Field<String[]> FLAGS = field(name("flags"), SQLDataType.VARCHAR.array());
    static final Field<String> CANDIDATE = ReviewerRouting.CANDIDATE;
    static final Field<Long> PEOPLE = field(name("people"), Long.class);
    static final Field<Long> HOLDERS = field(name("holders"), Long.class);
    static final Field<String> REVIEWER = field(name("reviewer"), String.class);
    static final Field<Boolean> FLAGGED = field(name("flagged"), Boolean.class);
    static final Field<Integer> ITEMS = field(name("items"), Integer.class);

    /**
     * The flags an item can carry, in the order of its flags array: each a boolean column of {@code flagged}, and the
     * reason it recommends revoking (null: it does not). The first raised flag with a reason is the recommendation's.
     */
    record Flag(String code, Field<Boolean> raised, String revokeReason) {
    }

    static final List<Flag> FLAG_LIST = List.of(
            new Flag("ORPHAN", ORPHAN, "orphan account"),
            new Flag("TERMINATED", TERMINATED, "terminated"),
            new Flag("DISABLED", DISABLED, "account disabled"),
            new Flag("DORMANT", DORMANT, "dormant"),
            new Flag("PRIVILEGED", PRIVILEGED, null),
            new Flag("SOD", CONFLICT, "SoD conflict"),
            new Flag("OUTLIER", OUTLIER, "peer outlier"));

    /** An optional part of the statement: its CTEs, its left joins onto the holders {@code h}, and the flag it computes. */
    private record Part(List<CommonTableExpression<?>> ctes, List<Join> joins, Condition flag) {
        static final Part NONE = new Part(List.of(), List.of(), falseCondition());
    }

    private record Join(Table<?> table, Condition on) {
    }

    /**
     * The one person a campaign reviews (a triggered mover or leaver review, V24), with their org unit and lower-case
     * title: the holders are narrowed to them and their peers (the people of their org unit and of their title, so that
     * their peer-outlier flags are those a full campaign over the same systems would raise), the items to them alone.
     */
    record Subject(long personId, Long orgUnitId, String title) {
    }

    private final long campaignId;
    private final Long[] systemIds;
    private final String entitlementFilter;
    private final Table<Record> itemTable;
    private final Subject subject;
    private final CommonTableExpression<?> sys;
    private final CommonTableExpression<?> holder;

    /**
     * @param itemTable the campaign's own item table (shaped like {@code reviews.review_item})
     */
    LaunchStatement(long campaignId, Long[] systemIds, String entitlementFilter, Table<Record> itemTable) {
        this(campaignId, systemIds, entitlementFilter, itemTable, null);
    }

    /** @param subject the one person under review, or null for everyone in scope */
    LaunchStatement(long campaignId, Long[] systemIds, String entitlementFilter, Table<Record> itemTable, Subject subject) {
        this.campaignId = campaignId;
        this.systemIds = systemIds;
        this.entitlementFilter = entitlementFilter;
        this.itemTable = itemTable;
        this.subject = subject;
        this.sys = sys();
        this.holder = holder();
    }

    /**
     * The statement for the scope: one row per reviewer (reviewer, items). The SoD and peer-outlier parts are left out
     * (CTEs and joins) when no SoD rule joins two systems of the scope, or when nobody in the directory has an org unit
     * or a title: then the holders are used once and PostgreSQL streams them instead of materialising a million rows.
     */
    ResultQuery<Record2<String, Integer>> query(boolean sod, boolean unitPeers, boolean titlePeers) {
        List<Part> parts = List.of(sod ? sod() : Part.NONE, unitPeers ? peers("unit", "u", ORG_UNIT_ID) : Part.NONE,
                titlePeers ? peers("title", "t", TITLE) : Part.NONE);
        CommonTableExpression<?> flagged = flagged(parts.get(0).flag(), parts.get(1).flag().or(parts.get(2).flag()),
                parts.stream().flatMap(p -> p.joins().stream()).toList());
        CommonTableExpression<?> routed = routed(flagged);
        List<CommonTableExpression<?>> ctes = new ArrayList<>(List.of(ReviewerRouting.PERSON_USERS, sys, holder));
        parts.forEach(p -> ctes.addAll(p.ctes()));
        ctes.add(flagged);
        ctes.add(routed);
        CommonTableExpression<?> inserted = inserted(ctes, routed);
        CommonTableExpression<?> counted = counted(inserted);
        return with(inserted, counted)
                .select(of(inserted, REVIEWER), count().as(ITEMS))
                .from(inserted)
                .groupBy(of(inserted, REVIEWER));
    }

    /** The temporary table of each account's person (CampaignGenerator.ACCOUNT_PERSON). */
    static final Table<Record> LAUNCH_ACCOUNT_PERSON = table(name("launch_account_person"));

    /**
     * The rows of {@link #LAUNCH_HOLDER}: each current account of the scope with its holder's facts: the person, their
     * manager's and their own console users, and whether the account is dormant. The launch statement joins a million
     * grants to this table once, instead of joining each grant to the people directory and the users three times.
     */
    static Select<?> accountHolders(Long[] systemIds) {
        var a = ACCOUNT.as("a");
        var s = SYSTEM.as("s");
        var p = PERSON.as("p");
        Table<?> ap = LAUNCH_ACCOUNT_PERSON.as("ap");
        Table<?> mu = ReviewerRouting.PERSON_USERS.as("mu");
        Table<?> su = ReviewerRouting.PERSON_USERS.as("su");
        return with(ReviewerRouting.PERSON_USERS)
                .select(a.ID.as(ACCOUNT_ID), a.SYSTEM_ID, a.ACCOUNT_NAME, p.ID.as(PERSON_ID), coalesce(p.FULL_NAME, a.DISPLAY_NAME).as(PERSON_NAME),
                        p.EMPLOYMENT_STATUS.as(STATUS), p.ORG_UNIT_ID, lower(p.TITLE).as(TITLE),
                        field(s.DORMANT_AFTER_DAYS.isNotNull().and(a.LAST_LOGIN.isNotNull())
                                .and(olderThanDays(a.LAST_LOGIN, s.DORMANT_AFTER_DAYS))).as(DORMANT), a.DISABLED.as(DISABLED),
                        of(mu, ReviewerRouting.USERNAME).as(MANAGER_USER), of(su, ReviewerRouting.USERNAME).as(SUBJECT_USER))
                .from(a)
                .join(s).on(s.ID.eq(a.SYSTEM_ID))
                .leftJoin(ap).on(of(ap, ACCOUNT_ID).eq(a.ID))
                .leftJoin(p).on(p.ID.eq(of(ap, PERSON_ID)))
                .leftJoin(mu).on(of(mu, ReviewerRouting.PERSON_ID).eq(p.MANAGER_ID))
                .leftJoin(su).on(of(su, ReviewerRouting.PERSON_ID).eq(p.ID))
                .where(a.REMOVED_IMPORT.isNull())
                .and(a.SYSTEM_ID.eq(any(val(systemIds))));
    }

    /** The time is more than so many days ago: {@code time < now() - make_interval(days => days)}, in the time's own type. */
    private static <T> Condition olderThanDays(Field<T> time, Field<Integer> days) {
        return time.lt(field("now() - make_interval(days => {0})", time.getDataType(), days));
    }

    /** The scope's systems with their owner's user, and the campaign's and its first stage's settings. */
    private CommonTableExpression<?> sys() {
        var s = SYSTEM.as("s");
        var c = CAMPAIGN.as("c");
        var st = CAMPAIGN_STAGE.as("st");
        Table<?> ou = ReviewerRouting.PERSON_USERS.as("ou");
        return name("sys").as(select(s.ID.as(SYSTEM_ID), of(ou, ReviewerRouting.USERNAME).as(OWNER_USER),
                st.REVIEWER_RULE, st.NAMED_REVIEWER, c.FALLBACK_REVIEWER, c.OWNER, c.PRIVILEGED_ONLY, c.FLAGGED_ONLY, c.ORG_UNIT_IDS)
                .from(s)
                .join(c).on(c.ID.eq(campaignId))
                .join(st).on(st.CAMPAIGN_ID.eq(c.ID).and(st.STAGE.eq(1)))
                .leftJoin(ou).on(of(ou, ReviewerRouting.PERSON_ID).eq(s.OWNER_PERSON_ID))
                .where(s.ID.eq(any(val(systemIds)))));
    }

    /** Each current grant of the scope with its holder's facts (from {@code launch_holder}) and its privilege. */
    private CommonTableExpression<?> holder() {
        var g = ACCESS_GRANT.as("g");
        var e = ENTITLEMENT.as("e");
        Table<?> h = LAUNCH_HOLDER.as("h");
        return name("holder").as(select(g.SYSTEM_ID, g.ACCOUNT_NAME, g.ENTITLEMENT, g.GRANTED_VIA, coalesce(e.PRIVILEGED, false).as(PRIVILEGED),
                of(h, PERSON_ID), of(h, PERSON_NAME), of(h, STATUS), of(h, ORG_UNIT_ID), of(h, TITLE),
                coalesce(of(h, DORMANT), false).as(DORMANT), coalesce(of(h, DISABLED), false).as(DISABLED), of(h, MANAGER_USER),
                of(h, SUBJECT_USER),
                coalesce(of(h, PERSON_ID), of(h, ACCOUNT_ID).neg()).as(HOLDER))
                .from(g)
                .leftJoin(h).on(of(h, SYSTEM_ID).eq(g.SYSTEM_ID).and(of(h, ACCOUNT_NAME).eq(g.ACCOUNT_NAME)))
                .leftJoin(e).on(e.SYSTEM_ID.eq(g.SYSTEM_ID).and(e.NAME.eq(g.ENTITLEMENT)))
                .where(g.REMOVED_IMPORT.isNull())
                .and(g.SYSTEM_ID.eq(any(val(systemIds))))
                .and(entitlementFilter == null ? noCondition() : g.ENTITLEMENT.like(entitlementFilter))
                .and(subjectAndPeers(h)));
    }

    /** With a subject: their grants and those of their peers (who make their peer-outlier flags); otherwise everyone's. */
    private Condition subjectAndPeers(Table<?> h) {
        if (subject == null) {
            return noCondition();
        }
        Condition c = of(h, PERSON_ID).eq(subject.personId());
        if (subject.orgUnitId() != null) {
            c = c.or(of(h, ORG_UNIT_ID).eq(subject.orgUnitId()));
        }
        if (subject.title() != null) {
            c = c.or(of(h, TITLE).eq(subject.title()));
        }
        return c;
    }

    /** Separation of duties: the holders' grants that, with another of theirs, make up an SoD rule (either way round). */
    private Part sod() {
        Field<Long> s1 = field(name("s1"), Long.class);
        Field<String> e1 = field(name("e1"), String.class);
        Field<Long> s2 = field(name("s2"), Long.class);
        Field<String> e2 = field(name("e2"), String.class);
        CommonTableExpression<?> pairs = name("sod_pair").as(
                select(SOD_RULE.SYSTEM_A.as(s1), SOD_RULE.ENTITLEMENT_A.as(e1), SOD_RULE.SYSTEM_B.as(s2), SOD_RULE.ENTITLEMENT_B.as(e2))
                        .from(SOD_RULE)
                        .union(select(SOD_RULE.SYSTEM_B, SOD_RULE.ENTITLEMENT_B, SOD_RULE.SYSTEM_A, SOD_RULE.ENTITLEMENT_A).from(SOD_RULE)));
        Table<?> sp = pairs.as("sp");
        Table<?> h1 = holder.as("h1");
        Table<?> h2 = holder.as("h2");
        CommonTableExpression<?> conflicts = name("sod").as(selectDistinct(of(h1, HOLDER), of(h1, SYSTEM_ID), of(h1, ENTITLEMENT_NAME))
                .from(sp)
                .join(h1).on(of(h1, SYSTEM_ID).eq(of(sp, s1)).and(of(h1, ENTITLEMENT_NAME).eq(of(sp, e1))))
                .join(h2).on(of(h2, HOLDER).eq(of(h1, HOLDER)).and(of(h2, SYSTEM_ID).eq(of(sp, s2))).and(of(h2, ENTITLEMENT_NAME).eq(of(sp, e2)))));
        Table<?> h = holder.as("h");
        return new Part(List.of(pairs, conflicts),
                List.of(new Join(conflicts, of(conflicts, HOLDER).eq(of(h, HOLDER)).and(of(conflicts, SYSTEM_ID).eq(of(h, SYSTEM_ID)))
                        .and(of(conflicts, ENTITLEMENT_NAME).eq(of(h, ENTITLEMENT_NAME))))),
                of(conflicts, HOLDER).isNotNull());
    }

    /**
     * Peer outliers by a group column (org unit, title): the group's people and each entitlement's holders in the group.
     * People and holders are counted over distinct rows (hash aggregates), not with count(distinct ...), which sorts the
     * million holders each time.
     */
    private <T> Part peers(String group, String alias, Field<T> by) {
        CommonTableExpression<?> size = name(group + "_size").as(select(by, count().as(PEOPLE))
                .from(selectDistinct(by, PERSON_ID).from(holder).where(by.isNotNull()).asTable("d"))
                .groupBy(by));
        CommonTableExpression<?> holders = name(group + "_holders").as(select(by, SYSTEM_ID, ENTITLEMENT_NAME, count().as(HOLDERS))
                .from(selectDistinct(by, SYSTEM_ID, ENTITLEMENT_NAME, PERSON_ID).from(holder).where(by.isNotNull()).asTable("d"))
                .groupBy(by, SYSTEM_ID, ENTITLEMENT_NAME));
        Table<?> h = holder.as("h");
        Table<?> s = size.as(alias + "s");
        Table<?> hs = holders.as(alias + "h");
        Field<Long> people = of(s, PEOPLE);
        return new Part(List.of(size, holders),
                List.of(new Join(s, of(s, by).eq(of(h, by))),
                        new Join(hs, of(hs, by).eq(of(h, by)).and(of(hs, SYSTEM_ID).eq(of(h, SYSTEM_ID)))
                                .and(of(hs, ENTITLEMENT_NAME).eq(of(h, ENTITLEMENT_NAME))))),
                condition(coalesce(condition(people.ge(inline(5L)).and(of(hs, HOLDERS).cast(SQLDataType.DOUBLE).div(people)
                        .lt(inline(OUTLIER_SHARE)))), false)));
    }

    /** The holders with their conditions: orphan, terminated, in conflict, peer outlier. */
    private CommonTableExpression<?> flagged(Condition conflict, Condition outlier, List<Join> joins) {
        Table<?> h = holder.as("h");
        SelectJoinStep<Record> from = select(h.asterisk(), of(h, PERSON_ID).isNull().as(ORPHAN),
                of(h, STATUS).eq(inline("TERMINATED")).as(TERMINATED), field(conflict).as(CONFLICT), field(outlier).as(OUTLIER))
                .from(h);
        for (Join join : joins) {
            from = from.leftJoin(join.table()).on(join.on());
        }
        return name("flagged").as(from);
    }

    /** The flagged holders of the campaign's scope (org units, privileged only) with their flags and reviewer candidate. */
    private CommonTableExpression<?> routed(CommonTableExpression<?> flagged) {
        Table<?> f = flagged.as("f");
        Field<?>[] flags = FLAG_LIST.stream().map(flag -> when(condition(of(f, flag.raised())), inline(flag.code()))).toArray(Field[]::new);
        @SuppressWarnings("unchecked")
        Field<String[]> raised = arrayRemove(array((Field<String>[]) flags).cast(SQLDataType.VARCHAR.array()), (String) null);
        return name("routed").as(select(f.asterisk(), raised.as(FLAGS),
                ReviewerRouting.candidate(of(sys, REVIEWER_RULE), of(f, MANAGER_USER), of(sys, OWNER_USER), of(sys, NAMED_REVIEWER)).as(CANDIDATE),
                of(sys, FALLBACK_REVIEWER), of(sys, OWNER), of(sys, FLAGGED_ONLY))
                .from(f)
                .join(sys).on(of(sys, SYSTEM_ID).eq(of(f, SYSTEM_ID)))
                .where(cardinality(of(sys, ORG_UNIT_IDS)).eq(0).or(of(f, ORG_UNIT_ID).eq(any(of(sys, ORG_UNIT_IDS)))))
                .and(not(condition(of(sys, PRIVILEGED_ONLY))).or(condition(of(f, PRIVILEGED))))
                .and(subject == null ? noCondition() : of(f, PERSON_ID).eq(subject.personId())));
    }

    /** The items written into the campaign's table, returning each one's reviewer, system and whether it is flagged. */
    private CommonTableExpression<?> inserted(List<CommonTableExpression<?>> ctes, CommonTableExpression<?> routed) {
        Table<?> r = routed.as("r");
        Condition revoke = FLAG_LIST.stream().filter(flag -> flag.revokeReason() != null).map(flag -> condition(of(r, flag.raised())))
                .reduce(Condition::or).orElseThrow();
        CaseConditionStep<String> reason = null;
        for (Flag flag : FLAG_LIST) {
            if (flag.revokeReason() != null) {
                Condition raised = condition(of(r, flag.raised()));
                reason = reason == null ? when(raised, inline(flag.revokeReason())) : reason.when(raised, inline(flag.revokeReason()));
            }
        }
        var items = with(ctes.toArray(CommonTableExpression[]::new))
                .select(val(campaignId), of(r, SYSTEM_ID), of(r, ACCOUNT_NAME), of(r, PERSON_ID), of(r, PERSON_NAME), of(r, ENTITLEMENT_NAME),
                        of(r, PRIVILEGED), of(r, FLAGS), when(revoke, inline("REVOKE")).otherwise(inline("APPROVE")), reason,
                        ReviewerRouting.reviewer(r), ReviewerRouting.routedToFallback(r), of(r, GRANTED_VIA), inline(0))
                .from(r)
                .where(not(condition(of(r, FLAGGED_ONLY))).or(cardinality(of(r, FLAGS)).gt(0)));
        return name("inserted").as(insertInto(itemTable)
                .columns(Stream.of(REVIEW_ITEM.CAMPAIGN_ID, REVIEW_ITEM.SYSTEM_ID, REVIEW_ITEM.ACCOUNT_NAME, REVIEW_ITEM.PERSON_ID,
                        REVIEW_ITEM.PERSON_NAME, REVIEW_ITEM.ENTITLEMENT, REVIEW_ITEM.PRIVILEGED, REVIEW_ITEM.FLAGS, REVIEW_ITEM.RECOMMENDATION,
                        REVIEW_ITEM.RECOMMENDATION_REASON, REVIEW_ITEM.REVIEWER, REVIEW_ITEM.ROUTED_TO_FALLBACK, REVIEW_ITEM.GRANTED_VIA,
                        REVIEW_ITEM.VERSION).map(column -> field(column.getUnqualifiedName(), column.getDataType())).toList())
                .select(items)
                .returning(REVIEWER, SYSTEM_ID, cardinality(FLAGS).gt(0).as(FLAGGED)));
    }

    /** The campaign's item counts per system and flagged (V17), from the inserted rows. */
    private CommonTableExpression<?> counted(CommonTableExpression<?> inserted) {
        var counts = insertInto(CAMPAIGN_ITEM_COUNT, CAMPAIGN_ITEM_COUNT.CAMPAIGN_ID, CAMPAIGN_ITEM_COUNT.SYSTEM_ID, CAMPAIGN_ITEM_COUNT.OUTCOME,
                CAMPAIGN_ITEM_COUNT.FLAGGED, CAMPAIGN_ITEM_COUNT.STRIPE, CAMPAIGN_ITEM_COUNT.ITEMS)
                .select(select(val(campaignId), of(inserted, SYSTEM_ID), inline("PENDING"), of(inserted, FLAGGED), inline((short) 0),
                        count()).from(inserted).groupBy(of(inserted, SYSTEM_ID), of(inserted, FLAGGED)));
        // jOOQ takes a CTE's statement as a query with results; this insert returns none, as before
        return name("counted").as(resultQuery("{0}", counts));
    }
}
