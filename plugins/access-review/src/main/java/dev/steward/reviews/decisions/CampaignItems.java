package dev.steward.reviews.decisions;

import dev.steward.reviews.ReviewPermissions;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

import static dev.steward.reviews.db.Tables.CAMPAIGN_ITEM_COUNT;
import static dev.steward.reviews.db.Tables.REVIEW_ITEM;
import static dev.steward.reviews.db.Tables.SYSTEM;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.min;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.sum;

/**
 * Every item of a campaign, for its administrators and auditors: filtered and paged in SQL, in id order.
 * <p>
 * Pages never skip over the rows before them. A campaign's items are launched with consecutive ids (one statement,
 * launches one at a time), so an unfiltered page is the id range {@code first id + offset}: as fast at item 999,950 as
 * at item 1. A filtered page starts after the last id of the page before it ({@link #pageAfter}, remembered per grid
 * by {@link ItemPages}, which calls this bean through its proxy, checks included). Counts come from the per-campaign counters that every change of an item keeps (V17), except
 * for one reviewer's items, which their index counts.
 */
@Service
public class CampaignItems {

    /** Null fields do not filter. */
    public record Filter(Long systemId, ReviewItem.Outcome outcome, String reviewer, boolean flaggedOnly) {
        public static Filter none() {
            return new Filter(null, null, null, false);
        }

        boolean isNone() {
            return systemId == null && outcome == null && reviewer == null && !flaggedOnly;
        }
    }

    private final DSLContext dsl;

    CampaignItems(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** One page in id order, {@code offset} items in. */
    @PreAuthorize(ReviewPermissions.MAY_READ)
    @Transactional(readOnly = true)
    public List<ReviewItem> page(long campaignId, Filter filter, int offset, int limit) {
        if (filter.isNone()) {
            var bounds = dsl.select(min(REVIEW_ITEM.ID), max(REVIEW_ITEM.ID)).from(REVIEW_ITEM).where(REVIEW_ITEM.CAMPAIGN_ID.eq(campaignId))
                    .fetchOne();
            Long first = bounds.value1();
            if (first == null) {
                return List.of();
            }
            if (bounds.value2() - first + 1 == total(campaignId)) {
                return rows(REVIEW_ITEM.CAMPAIGN_ID.eq(campaignId).and(REVIEW_ITEM.ID.between(first + Math.max(0, offset),
                        first + Math.max(0, offset) + Math.max(0, limit) - 1)));
            }
        }
        return pageAfter(campaignId, filter, 0, offset, limit);
    }

    /**
     * A page of the items with an id above {@code afterId}, skipping {@code skip} of them first (0 when the caller
     * knows the last id of the page before).
     */
    @PreAuthorize(ReviewPermissions.MAY_READ)
    @Transactional(readOnly = true)
    public List<ReviewItem> pageAfter(long campaignId, Filter filter, long afterId, int skip, int limit) {
        // the ids first, so that skipped items are index entries (an index-only scan of (campaign_id, id) once vacuum has
        // marked the pages all-visible), and only the page's own rows are read
        var pageIds = select(REVIEW_ITEM.ID).from(REVIEW_ITEM).where(condition(campaignId, filter)).and(REVIEW_ITEM.ID.gt(afterId))
                .orderBy(REVIEW_ITEM.ID).offset(Math.max(0, skip)).limit(Math.max(0, limit));
        return rows(REVIEW_ITEM.CAMPAIGN_ID.eq(campaignId).and(REVIEW_ITEM.ID.in(pageIds)));
    }

    private List<ReviewItem> rows(Condition which) {
        return dsl.select(REVIEW_ITEM.fields()).select(SYSTEM.NAME).from(REVIEW_ITEM).join(SYSTEM).on(SYSTEM.ID.eq(REVIEW_ITEM.SYSTEM_ID))
                .where(which).orderBy(REVIEW_ITEM.ID)
                .fetch(r -> ReviewDecisions.toItem(r.into(REVIEW_ITEM), r.get(SYSTEM.NAME), null));
    }

    @PreAuthorize(ReviewPermissions.MAY_READ)
    @Transactional(readOnly = true)
    public int count(long campaignId, Filter filter) {
        if (filter.reviewer() != null) {
            // (reviewer, campaign_id, outcome) index: a reviewer's items, not the campaign's
            return dsl.fetchCount(REVIEW_ITEM, condition(campaignId, filter));
        }
        return dsl.select(coalesce(sum(CAMPAIGN_ITEM_COUNT.ITEMS), inline(java.math.BigDecimal.ZERO))).from(CAMPAIGN_ITEM_COUNT)
                .where(CAMPAIGN_ITEM_COUNT.CAMPAIGN_ID.eq(campaignId))
                .and(filter.systemId() == null ? noCondition() : CAMPAIGN_ITEM_COUNT.SYSTEM_ID.eq(filter.systemId()))
                .and(filter.outcome() == null ? noCondition() : CAMPAIGN_ITEM_COUNT.OUTCOME.eq(filter.outcome().name()))
                .and(filter.flaggedOnly() ? CAMPAIGN_ITEM_COUNT.FLAGGED.isTrue() : noCondition())
                .fetchOne(0, Integer.class);
    }

    private int total(long campaignId) {
        return dsl.select(coalesce(sum(CAMPAIGN_ITEM_COUNT.ITEMS), inline(java.math.BigDecimal.ZERO))).from(CAMPAIGN_ITEM_COUNT)
                .where(CAMPAIGN_ITEM_COUNT.CAMPAIGN_ID.eq(campaignId)).fetchOne(0, Integer.class);
    }

    private static Condition condition(long campaignId, Filter f) {
        return REVIEW_ITEM.CAMPAIGN_ID.eq(campaignId)
                .and(f.systemId() == null ? noCondition() : REVIEW_ITEM.SYSTEM_ID.eq(f.systemId()))
                .and(f.outcome() == null ? noCondition() : REVIEW_ITEM.OUTCOME.eq(f.outcome()))
                .and(f.reviewer() == null ? noCondition() : REVIEW_ITEM.REVIEWER.eq(f.reviewer()))
                .and(f.flaggedOnly() ? org.jooq.impl.DSL.condition("cardinality({0}) > 0", REVIEW_ITEM.FLAGS) : noCondition());
    }
}
