package dev.steward.reviews.campaigns;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Record2;
import org.jooq.ResultQuery;
import org.jooq.Table;

import static dev.steward.platform.db.generated.Tables.PERSON;
import static dev.steward.reviews.db.Tables.CAMPAIGN;
import static dev.steward.reviews.db.Tables.REVIEW_ITEM;
import static dev.steward.reviews.db.Tables.SOD_RULE;
import static org.jooq.impl.DSL.any;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.lower;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;
import static org.jooq.impl.DSL.val;

/**
 * Freezes a campaign's review items in one set-based statement over the current snapshots: each grant in scope with
 * its holder (matched to the people directory by each system's {@link dev.steward.reviews.systems.JoinRule}), flags,
 * a recommendation with its reason, and the reviewer by the campaign's first stage rule, routed to the fallback when there is none or it would be a self-review.
 * Reviewers are console users matched to people by email. Later imports never change the items. Every lookup is a
 * join (hash joins over the whole scope), never a per-row subquery: launch time grows linearly with the scope. The
 * statement itself is {@link LaunchStatement}; this class prepares its temporary tables and runs it.
 */
public final class CampaignGenerator {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(CampaignGenerator.class);

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

    private static void matchAccounts(DSLContext dsl, Long[] systemIds) {
        dsl.execute("drop table if exists launch_account_person");
        dsl.execute(ACCOUNT_PERSON, (Object) systemIds);
        dsl.execute("analyze launch_account_person");
        dsl.execute("drop table if exists {0}", LaunchStatement.LAUNCH_HOLDER);
        dsl.execute("create temporary table {0} on commit drop as {1}", LaunchStatement.LAUNCH_HOLDER, LaunchStatement.accountHolders(systemIds));
        dsl.execute("analyze {0}", LaunchStatement.LAUNCH_HOLDER);
    }

    /**
     * Matches the scope's accounts to people (a temporary table), creates the campaign's item table and returns the
     * launch statement for the scope, which writes into it.
     */
    private static ResultQuery<Record2<String, Integer>> prepare(DSLContext dsl, long campaignId, Long[] systemIds, String entitlementFilter) {
        // the hash joins over the scope, and the peer counts, in memory rather than in batches on disk
        dsl.execute("set local work_mem = '128MB'");
        matchAccounts(dsl, systemIds);
        boolean sod = dsl.fetchExists(SOD_RULE, SOD_RULE.SYSTEM_A.eq(any(val(systemIds))).and(SOD_RULE.SYSTEM_B.eq(any(val(systemIds)))));
        boolean peers = dsl.fetchExists(PERSON, PERSON.ORG_UNIT_ID.isNotNull());
        boolean titlePeers = dsl.fetchExists(PERSON, PERSON.TITLE.isNotNull());
        Table<Record> itemTable = itemTable(campaignId);
        // shaped like the items, with no index yet; the check lets attaching it skip a pass over its rows
        dsl.execute("create table {0} (like {1} including defaults including constraints, constraint campaign check ({2}))",
                itemTable, REVIEW_ITEM, field(REVIEW_ITEM.CAMPAIGN_ID.getUnqualifiedName(), Long.class).eq(inline(campaignId)));
        return new LaunchStatement(campaignId, systemIds, entitlementFilter, itemTable, subject(dsl, campaignId)).query(sod, peers, titlePeers);
    }

    /** The one person the campaign reviews (V24, a triggered review), with their org unit and title; null for everyone. */
    private static LaunchStatement.Subject subject(DSLContext dsl, long campaignId) {
        return dsl.select(PERSON.ID, PERSON.ORG_UNIT_ID, lower(PERSON.TITLE)).from(CAMPAIGN)
                .join(PERSON).on(PERSON.ID.eq(CAMPAIGN.SUBJECT_PERSON_ID))
                .where(CAMPAIGN.ID.eq(campaignId))
                .fetchOptional(r -> new LaunchStatement.Subject(r.value1(), r.value2(), r.value3())).orElse(null);
    }

    /** The campaign's own table of items (V16): written unindexed at launch, then attached to reviews.review_item. */
    private static Table<Record> itemTable(long campaignId) {
        return table(name("reviews", "review_item_c" + campaignId));
    }

    private CampaignGenerator() {
    }

    /** The query plan with timings of generating a draft campaign's items (run and rolled back), for diagnosing launches. */
    public static String explain(DSLContext dsl, long campaignId, Long[] systemIds, String entitlementFilter) {
        try {
            dsl.transaction(tx -> {
                // EXPLAIN ANALYZE really inserts: throwing rolls the items back
                throw new Explained(String.join("\n", tx.dsl().fetch("explain (analyze, buffers) {0}",
                        prepare(tx.dsl(), campaignId, systemIds, entitlementFilter)).getValues(0, String.class)));
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
        ResultQuery<Record2<String, Integer>> statement = prepare(dsl, campaignId, systemIds, entitlementFilter);
        long prepared = System.nanoTime();
        dsl.fetch(statement).forEach(r -> perReviewer.put(r.value1(), r.value2()));
        long written = System.nanoTime();
        // attaching builds the table's indexes, each in one sort of up to a million keys: in memory rather than on disk
        dsl.execute("set local maintenance_work_mem = '256MB'");
        dsl.execute("alter table {0} attach partition {1} for values in ({2})", REVIEW_ITEM, itemTable(campaignId), inline(campaignId));
        // the reviewers' queues and the item grid are read at once: plan them with the new table's real statistics, from
        // a sample of 6,000 rows rather than 30,000 (the items' shape is simple; autovacuum's analyze refines it later)
        dsl.execute("set local default_statistics_target = 20");
        dsl.execute("analyze {0}", itemTable(campaignId));
        dsl.execute("reset default_statistics_target");
        log.info("Campaign {}: accounts matched in {} ms, items written in {} ms, indexed and analyzed in {} ms", campaignId,
                (prepared - t0) / 1_000_000, (written - prepared) / 1_000_000, (System.nanoTime() - written) / 1_000_000);
        return perReviewer;
    }
}
