package dev.steward.reviews.campaigns;

import org.jooq.DSLContext;

/**
 * Freezes a campaign's review items in one set-based statement over the current snapshots: each grant in scope with
 * its holder (matched to the people directory by each system's {@link dev.steward.reviews.systems.JoinRule}), flags,
 * a recommendation with its reason, and the reviewer by the campaign's first stage rule, routed to the fallback when there is none or it would be a self-review.
 * Reviewers are console users matched to people by email. Later imports never change the items. Every lookup is a
 * join (hash joins over the whole scope), never a per-row subquery: launch time grows linearly with the scope.
 */
public final class CampaignGenerator {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(CampaignGenerator.class);

    /**
     * An entitlement held by fewer than this share of a person's peers is a peer outlier: peers are the people of
     * the same org unit, or with the same job title (groups of 5+ people).
     */
    static final double OUTLIER_SHARE = 0.10;

    /**
     * The launch statement. The per-account facts (holder, manager's and holder's users, dormancy) come from
     * {@code launch_holder} and the per-system ones (owner's user, the campaign's and first stage's settings) from
     * {@code sys}: a million grants meet three hash tables, not the people directory and the users three times each.
     */
    private static final String TEMPLATE = """
            with inserted as (
            insert into %9$s (campaign_id, system_id, account_name, person_id, person_name, entitlement,
                privileged, flags, recommendation, recommendation_reason, reviewer, routed_to_fallback, granted_via, version)
            with %1$s,
            sys as (
                select s.id system_id, ou.username owner_user, st.reviewer_rule, st.named_reviewer, c.fallback_reviewer, c.owner,
                       c.privileged_only, c.flagged_only, c.org_unit_ids
                from reviews.system s
                join reviews.campaign c on c.id = {0}
                join reviews.campaign_stage st on st.campaign_id = c.id and st.stage = 1
                left join person_user ou on ou.person_id = s.owner_person_id
                where s.id = any({1})
            ),
            holder as (
                -- the person, or for an orphan account the account row itself (negative, so the two never meet)
                select g.system_id, g.account_name, g.entitlement, g.granted_via, coalesce(e.privileged, false) privileged,
                       h.person_id, h.person_name, h.status, h.org_unit_id, h.title, coalesce(h.dormant, false) dormant,
                       h.manager_user, h.subject_user, coalesce(h.person_id, -h.account_id) holder
                from reviews.access_grant g
                left join launch_holder h on h.system_id = g.system_id and h.account_name = g.account_name
                left join reviews.entitlement e on e.system_id = g.system_id and e.name = g.entitlement
                where g.removed_import is null
                  and g.system_id = any({1})
                  and ({2}::varchar is null or g.entitlement like {2})
            ),
%5$s            flagged as (
                select h.*,
                       h.person_id is null orphan,
                       h.status = 'TERMINATED' terminated,
                       %6$s conflict,
                       %7$s outlier
                from holder h
%8$s            ),
            routed as (
                select f.*,
                       array_remove(array[case when f.orphan then 'ORPHAN' end, case when f.terminated then 'TERMINATED' end,
                           case when f.dormant then 'DORMANT' end, case when f.privileged then 'PRIVILEGED' end,
                           case when f.conflict then 'SOD' end, case when coalesce(f.outlier, false) then 'OUTLIER' end]::varchar[], null) flags,
                       %2$s candidate, sys.fallback_reviewer, sys.owner, sys.flagged_only
                from flagged f
                join sys on sys.system_id = f.system_id
                where (cardinality(sys.org_unit_ids) = 0 or f.org_unit_id = any(sys.org_unit_ids))
                  and (not sys.privileged_only or f.privileged)
            )
            select {0}, r.system_id, r.account_name, r.person_id, r.person_name, r.entitlement,
                   r.privileged, r.flags,
                   case when r.terminated or r.orphan or r.dormant or r.conflict or coalesce(r.outlier, false) then 'REVOKE' else 'APPROVE' end,
                   case when r.terminated then 'terminated' when r.orphan then 'orphan account' when r.dormant then 'dormant'
                        when r.conflict then 'SoD conflict' when coalesce(r.outlier, false) then 'peer outlier' end,
                   %3$s,
                   %4$s,
                   r.granted_via,
                   0
            from routed r
            where not r.flagged_only or cardinality(r.flags) > 0
            returning reviewer, system_id, cardinality(flags) > 0 flagged
            ),
            counted as (
                insert into reviews.campaign_item_count (campaign_id, system_id, outcome, flagged, stripe, items)
                select {0}, system_id, 'PENDING', flagged, 0, count(*) from inserted group by system_id, flagged
            )
            select reviewer, count(*) items from inserted group by reviewer
            """;

    /** An optional part of the statement: its CTEs, its joins onto the holders, and the flag it computes. */
    private record Part(String ctes, String joins, String flag) {
        static final Part NONE = new Part("", "", "false");
    }

    private static final Part SOD = new Part("""
            sod_pair as (
                select system_a s1, entitlement_a e1, system_b s2, entitlement_b e2 from reviews.sod_rule
                union select system_b, entitlement_b, system_a, entitlement_a from reviews.sod_rule
            ),
            sod as (
                select distinct h1.holder, h1.system_id, h1.entitlement
                from sod_pair sp
                join holder h1 on h1.system_id = sp.s1 and h1.entitlement = sp.e1
                join holder h2 on h2.holder = h1.holder and h2.system_id = sp.s2 and h2.entitlement = sp.e2
            ),
            """, """
                left join sod on sod.holder = h.holder and sod.system_id = h.system_id and sod.entitlement = h.entitlement
            """, "sod.holder is not null");

    // people and holders per group are counted over distinct rows (hash aggregates), not with count(distinct ...), which
    // sorts the million holders each time
    private static final Part UNIT_PEERS = new Part("""
            unit_size as (select org_unit_id, count(*) people
                          from (select distinct org_unit_id, person_id from holder where org_unit_id is not null) d group by org_unit_id),
            unit_holders as (select org_unit_id, system_id, entitlement, count(*) holders
                             from (select distinct org_unit_id, system_id, entitlement, person_id from holder where org_unit_id is not null) d
                             group by org_unit_id, system_id, entitlement),
            """, """
                left join unit_size us on us.org_unit_id = h.org_unit_id
                left join unit_holders uh on uh.org_unit_id = h.org_unit_id and uh.system_id = h.system_id and uh.entitlement = h.entitlement
            """, "coalesce(us.people >= 5 and uh.holders::float / us.people < " + OUTLIER_SHARE + ", false)");

    private static final Part TITLE_PEERS = new Part("""
            title_size as (select title, count(*) people
                           from (select distinct title, person_id from holder where title is not null) d group by title),
            title_holders as (select title, system_id, entitlement, count(*) holders
                              from (select distinct title, system_id, entitlement, person_id from holder where title is not null) d
                              group by title, system_id, entitlement),
            """, """
                left join title_size ts on ts.title = h.title
                left join title_holders th on th.title = h.title and th.system_id = h.system_id and th.entitlement = h.entitlement
            """, "coalesce(ts.people >= 5 and th.holders::float / ts.people < " + OUTLIER_SHARE + ", false)");

    /**
     * The statement for a scope. The SoD and peer-outlier parts are left out (CTEs and joins) when no SoD rule joins
     * two systems of the scope, or when nobody in the directory has an org unit or a title: then the holders are used
     * once and PostgreSQL streams them instead of materialising a million rows (about 2 s of a million-item launch).
     */
    private static String sql(String itemTable, boolean sod, boolean unitPeers, boolean titlePeers) {
        Part conflicts = sod ? SOD : Part.NONE;
        Part byUnit = unitPeers ? UNIT_PEERS : Part.NONE;
        Part byTitle = titlePeers ? TITLE_PEERS : Part.NONE;
        return TEMPLATE.formatted(ReviewerRouting.PERSON_USER,
                ReviewerRouting.candidate("sys.reviewer_rule", "f.manager_user", "sys.owner_user", "sys.named_reviewer"), ReviewerRouting.REVIEWER,
                ReviewerRouting.ROUTED_TO_FALLBACK, conflicts.ctes() + byUnit.ctes() + byTitle.ctes(), conflicts.flag(),
                byUnit.flag() + " or " + byTitle.flag(), conflicts.joins() + byUnit.joins() + byTitle.joins(), itemTable);
    }

    /**
     * Each current account of the scope with its person by its system's join rule, one equi-join per rule (hash joins);
     * a key shared by several people matches nobody. Kept in a temporary table with statistics, so that the next
     * statement is planned with the real number of matches.
     */
    private static final String ACCOUNT_PERSON = """
            create temporary table launch_account_person on commit drop as
            with scope as (
                select a.id, a.employee_id, a.email, a.account_name, s.join_rule from reviews.account a
                join reviews.system s on s.id = a.system_id where a.removed_import is null and a.system_id = any({0})
            ),
            matched as (
                select a.id account_id, p.id person_id from scope a join platform.person p on p.employee_id = a.employee_id
                where a.join_rule in ('EMPLOYEE_ID_THEN_EMAIL', 'EMPLOYEE_ID')
                union all
                select a.id, p.id from scope a join platform.person p on lower(p.email) = lower(a.email)
                where a.join_rule = 'EMAIL' or (a.join_rule = 'EMPLOYEE_ID_THEN_EMAIL' and a.employee_id is null)
                union all
                select a.id, p.id from scope a join platform.person p on lower(p.employee_id) = lower(a.account_name)
                where a.join_rule = 'ACCOUNT_IS_EMPLOYEE_ID'
                union all
                select a.id, p.id from scope a join platform.person p on lower(split_part(p.email, '@', 1)) = lower(a.account_name)
                where a.join_rule = 'ACCOUNT_IS_EMAIL_LOCAL_PART'
            )
            select account_id, case when min(person_id) = max(person_id) then min(person_id) end person_id
            from matched group by account_id
            """;

    /**
     * Each current account of the scope with its holder's facts: the person, their manager's and their own console
     * users, and whether the account is dormant. The launch statement joins a million grants to this table once,
     * instead of joining each grant to the people directory and the users three times.
     */
    private static final String ACCOUNT_HOLDER = """
            create temporary table launch_holder on commit drop as
            with %s
            select a.id account_id, a.system_id, a.account_name, p.id person_id, coalesce(p.full_name, a.display_name) person_name,
                   p.employment_status status, p.org_unit_id, lower(p.title) title,
                   s.dormant_after_days is not null and a.last_login is not null
                       and a.last_login < now() - make_interval(days => s.dormant_after_days) dormant,
                   mu.username manager_user, su.username subject_user
            from reviews.account a
            join reviews.system s on s.id = a.system_id
            left join launch_account_person ap on ap.account_id = a.id
            left join platform.person p on p.id = ap.person_id
            left join person_user mu on mu.person_id = p.manager_id
            left join person_user su on su.person_id = p.id
            where a.removed_import is null and a.system_id = any({0})
            """.formatted(ReviewerRouting.PERSON_USER);

    private static void matchAccounts(DSLContext dsl, Long[] systemIds) {
        dsl.execute("drop table if exists launch_account_person");
        dsl.execute(ACCOUNT_PERSON, (Object) systemIds);
        dsl.execute("analyze launch_account_person");
        dsl.execute("drop table if exists launch_holder");
        dsl.execute(ACCOUNT_HOLDER, (Object) systemIds);
        dsl.execute("analyze launch_holder");
    }

    /**
     * Matches the scope's accounts to people (a temporary table), creates the campaign's item table and returns the
     * launch statement for the scope, which writes into it.
     */
    private static String prepare(DSLContext dsl, long campaignId, Long[] systemIds) {
        // the hash joins over the scope, and the peer counts, in memory rather than in batches on disk
        dsl.execute("set local work_mem = '128MB'");
        matchAccounts(dsl, systemIds);
        boolean sod = dsl.fetchExists(dsl.selectOne().from("reviews.sod_rule").where("system_a = any(?) and system_b = any(?)",
                systemIds, systemIds));
        boolean peers = dsl.fetchExists(dsl.selectOne().from("platform.person").where("org_unit_id is not null"));
        boolean titlePeers = dsl.fetchExists(dsl.selectOne().from("platform.person").where("title is not null"));
        String itemTable = itemTable(campaignId);
        // shaped like the items, with no index yet; the check lets attaching it skip a pass over its rows
        dsl.execute("create table " + itemTable + " (like reviews.review_item including defaults including constraints,"
                + " constraint campaign check (campaign_id = " + campaignId + "))");
        return sql(itemTable, sod, peers, titlePeers);
    }

    /** The campaign's own table of items (V16): written unindexed at launch, then attached to reviews.review_item. */
    private static String itemTable(long campaignId) {
        return "reviews.review_item_c" + campaignId;
    }

    private CampaignGenerator() {
    }

    /** The query plan with timings of generating a draft campaign's items (run and rolled back), for diagnosing launches. */
    public static String explain(DSLContext dsl, long campaignId, Long[] systemIds, String entitlementFilter) {
        try {
            dsl.transaction(tx -> {
                // EXPLAIN ANALYZE really inserts: throwing rolls the items back
                throw new Explained(String.join("\n", tx.dsl().fetch("explain (analyze, buffers) " + prepare(tx.dsl(), campaignId, systemIds),
                        campaignId, systemIds, entitlementFilter).getValues(0, String.class)));
            });
        } catch (Explained explained) {
            return explained.getMessage();
        }
        throw new IllegalStateException("unreachable");
    }

    private static final class Explained extends RuntimeException {
        Explained(String plan) {
            super(plan, null, false, false);
        }
    }

    /** Launches take this transaction-scoped advisory lock: one at a time draws item ids from the sequence. */
    private static final long LAUNCH_LOCK = 0x5245_5649_4557_4c4cL;

    /**
     * Writes the campaign's items into their own table and attaches it, which indexes them in one sorted pass each;
     * returns how many items each reviewer got, and writes the campaign's item counts (V17), both counted from the
     * insert itself, not by reading the million rows again. The scope is bound as values (not read from the campaign
     * row inside the query) so that PostgreSQL plans with the real sizes: hash joins over the whole scope, not a
     * nested loop per grant. Launches run one at a time, so that a campaign's items get consecutive ids (the item
     * grid pages by id range, see {@link dev.steward.reviews.decisions.CampaignItems}).
     */
    static java.util.Map<String, Integer> generate(DSLContext dsl, long campaignId, Long[] systemIds, String entitlementFilter) {
        dsl.execute("select pg_advisory_xact_lock(?)", LAUNCH_LOCK);
        long t0 = System.nanoTime();
        java.util.Map<String, Integer> perReviewer = new java.util.TreeMap<>();
        String statement = prepare(dsl, campaignId, systemIds);
        long prepared = System.nanoTime();
        dsl.fetch(statement, campaignId, systemIds, entitlementFilter)
                .forEach(r -> perReviewer.put(r.get("reviewer", String.class), r.get("items", Integer.class)));
        long written = System.nanoTime();
        // attaching builds the table's indexes, each in one sort of up to a million keys: in memory rather than on disk
        dsl.execute("set local maintenance_work_mem = '256MB'");
        dsl.execute("alter table reviews.review_item attach partition " + itemTable(campaignId) + " for values in (" + campaignId + ")");
        // the reviewers' queues and the item grid are read at once: plan them with the new table's real statistics, from
        // a sample of 6,000 rows rather than 30,000 (the items' shape is simple; autovacuum's analyze refines it later)
        dsl.execute("set local default_statistics_target = 20");
        dsl.execute("analyze " + itemTable(campaignId));
        dsl.execute("reset default_statistics_target");
        log.info("Campaign {}: accounts matched in {} ms, items written in {} ms, indexed and analyzed in {} ms", campaignId,
                (prepared - t0) / 1_000_000, (written - prepared) / 1_000_000, (System.nanoTime() - written) / 1_000_000);
        return perReviewer;
    }
}
