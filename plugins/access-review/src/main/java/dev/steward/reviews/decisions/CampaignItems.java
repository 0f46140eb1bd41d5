package dev.steward.reviews.decisions;

import dev.steward.reviews.ReviewPermissions;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

import static dev.steward.reviews.db.Tables.REVIEW_ITEM;
import static dev.steward.reviews.db.Tables.SYSTEM;
import static org.jooq.impl.DSL.noCondition;

/** Every item of a campaign, for its administrators and auditors: filtered and paged in SQL. */
@Service
public class CampaignItems {

    /** Null fields do not filter. */
    public record Filter(Long systemId, ReviewItem.Outcome outcome, String reviewer, boolean flaggedOnly) {
        public static Filter none() {
            return new Filter(null, null, null, false);
        }
    }

    private final DSLContext dsl;

    CampaignItems(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * One page in id order. The page's ids are found first, so that a deep page skips index entries (an index-only
     * scan of (campaign_id, id) once vacuum has marked the pages all-visible) and reads only its own rows.
     */
    @PreAuthorize("hasAuthority('" + ReviewPermissions.ADMIN + "') or hasAuthority('" + ReviewPermissions.READ + "')")
    @Transactional(readOnly = true)
    public List<ReviewItem> page(long campaignId, Filter filter, int offset, int limit) {
        var pageIds = org.jooq.impl.DSL.select(REVIEW_ITEM.ID).from(REVIEW_ITEM).where(condition(campaignId, filter))
                .orderBy(REVIEW_ITEM.ID).offset(offset).limit(limit);
        return dsl.select(REVIEW_ITEM.fields()).select(SYSTEM.NAME).from(REVIEW_ITEM).join(SYSTEM).on(SYSTEM.ID.eq(REVIEW_ITEM.SYSTEM_ID))
                .where(REVIEW_ITEM.ID.in(pageIds)).orderBy(REVIEW_ITEM.ID)
                .fetch(r -> ReviewDecisions.toItem(r.into(REVIEW_ITEM), r.get(SYSTEM.NAME), null));
    }

    @PreAuthorize("hasAuthority('" + ReviewPermissions.ADMIN + "') or hasAuthority('" + ReviewPermissions.READ + "')")
    @Transactional(readOnly = true)
    public int count(long campaignId, Filter filter) {
        return dsl.fetchCount(REVIEW_ITEM, condition(campaignId, filter));
    }

    private static Condition condition(long campaignId, Filter f) {
        return REVIEW_ITEM.CAMPAIGN_ID.eq(campaignId)
                .and(f.systemId() == null ? noCondition() : REVIEW_ITEM.SYSTEM_ID.eq(f.systemId()))
                .and(f.outcome() == null ? noCondition() : REVIEW_ITEM.OUTCOME.eq(f.outcome().name()))
                .and(f.reviewer() == null ? noCondition() : REVIEW_ITEM.REVIEWER.eq(f.reviewer()))
                .and(f.flaggedOnly() ? org.jooq.impl.DSL.condition("cardinality({0}) > 0", REVIEW_ITEM.FLAGS) : noCondition());
    }
}
