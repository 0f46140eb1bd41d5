package dev.steward.reviews.decisions;

import dev.steward.reviews.campaigns.Campaign;
import java.time.Instant;
import dev.steward.platform.security.CurrentUser;
import dev.steward.reviews.ReviewPermissions;
import dev.steward.reviews.db.tables.records.ItemEventRecord;
import dev.steward.reviews.db.tables.records.ReviewItemRecord;
import dev.steward.platform.validation.ConcurrentChangeException;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Arrays;
import java.util.List;

import static dev.steward.reviews.db.Tables.CAMPAIGN;
import static dev.steward.reviews.db.Tables.ITEM_EVENT;
import static dev.steward.reviews.db.Tables.REVIEW_ITEM;
import static dev.steward.reviews.db.Tables.SYSTEM;
import static org.jooq.impl.DSL.count;

/**
 * A reviewer's queue and decisions. Every query is limited to the current user's own items (data-level security in
 * SQL, not in the view); decisions are possible only while the campaign is active.
 */
@Service
public class ReviewDecisions {

    public enum Decision { APPROVE, REVOKE }

    /** The reviewer's progress in one campaign (or all active ones). */
    public record Progress(int total, int decided) {
        public int pending() {
            return total - decided;
        }
    }

    /**
     * The last decision of each earlier stage of an item, with who and why, for the reviewer of a later stage (not
     * looked up at all in a first stage: most queues).
     */
    private static final Field<String> EARLIER_STAGES = org.jooq.impl.DSL.field("""
            case when review_item.stage > 1 then (select string_agg('Stage ' || e.stage || ': ' || case e.action when 'APPROVE' then 'approved' else 'revoked' end
                               || ' by ' || e.actor || coalesce(' (' || e.detail || ')', ''), '; ' order by e.stage)
             from reviews.item_event e
             where e.item_id = review_item.id and e.stage < review_item.stage and e.action in ('APPROVE', 'REVOKE')
               and e.id = (select max(l.id) from reviews.item_event l where l.item_id = e.item_id and l.stage = e.stage
                           and l.action in ('APPROVE', 'REVOKE'))) end""", String.class).as("earlier_stages");

    private final DSLContext dsl;

    ReviewDecisions(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The current user's items in active campaigns, by person then system and entitlement. */
    @PreAuthorize(ReviewPermissions.MAY_REVIEW)
    @Transactional(readOnly = true)
    public List<ReviewItem> myQueue(boolean pendingOnly) {
        Condition mine = mine().and(pendingOnly ? REVIEW_ITEM.OUTCOME.eq(ReviewItem.Outcome.PENDING) : org.jooq.impl.DSL.noCondition());
        Condition current = atCurrentStages();
        if (current == null) {
            return List.of();
        }
        return dsl.select(REVIEW_ITEM.fields()).select(SYSTEM.NAME, EARLIER_STAGES).from(REVIEW_ITEM)
                .join(SYSTEM).on(SYSTEM.ID.eq(REVIEW_ITEM.SYSTEM_ID))
                .where(mine).and(current)
                .orderBy(REVIEW_ITEM.PERSON_NAME.asc().nullsFirst(), SYSTEM.NAME, REVIEW_ITEM.ENTITLEMENT, REVIEW_ITEM.ID)
                .fetch(r -> toItem(r.into(REVIEW_ITEM), r.get(SYSTEM.NAME), r.get(EARLIER_STAGES)));
    }

    @PreAuthorize(ReviewPermissions.MAY_REVIEW)
    @Transactional(readOnly = true)
    public Progress myProgress() {
        Condition current = atCurrentStages();
        if (current == null) {
            return new Progress(0, 0);
        }
        var r = dsl.select(count(), count().filterWhere(REVIEW_ITEM.OUTCOME.ne(ReviewItem.Outcome.PENDING))).from(REVIEW_ITEM)
                .where(mine()).and(current).fetchOne();
        return new Progress(r.value1(), r.value2());
    }

    /**
     * Items of the active campaigns at their current stage, as constants (one campaign and stage each; null when no
     * campaign is active): each campaign's items are their own table, picked before planning, and PostgreSQL estimates
     * a reviewer's items right. Joined to the campaigns instead, the planner expected two items and read the systems
     * once per item.
     */
    private Condition atCurrentStages() {
        var active = dsl.select(CAMPAIGN.ID, CAMPAIGN.CURRENT_STAGE).from(CAMPAIGN).where(CAMPAIGN.STATUS.eq(Campaign.Status.ACTIVE)).fetch();
        return active.isEmpty() ? null : org.jooq.impl.DSL.or(active.map(c ->
                REVIEW_ITEM.CAMPAIGN_ID.eq(org.jooq.impl.DSL.inline(c.value1())).and(REVIEW_ITEM.STAGE.eq(org.jooq.impl.DSL.inline(c.value2())))));
    }

    @PreAuthorize(ReviewPermissions.MAY_REVIEW)
    @Transactional
    public ReviewItem decide(long itemId, int version, Decision decision, String comment) {
        ReviewItemRecord item = lockMine(itemId, version);
        String text = comment == null || comment.isBlank() ? null : comment.strip();
        if (decision == Decision.REVOKE && text == null) {
            throw new IllegalArgumentException("Say why the access is revoked (the comment goes to the evidence)");
        }
        if (decision == Decision.APPROVE && text == null && needsCare(item)) {
            throw new IllegalArgumentException("This access is " + (item.getPrivileged() ? "privileged" : "flagged ("
                    + String.join(", ", item.getFlags()).toLowerCase() + ")") + ": say why it stays");
        }
        record(item, decision, text, false);
        return toItem(item, null, null);
    }

    /**
     * Approves several items at once; allowed only for unflagged, non-privileged items of the current user.
     *
     * @return how many were approved
     */
    @PreAuthorize(ReviewPermissions.MAY_REVIEW)
    @Transactional
    public int approveAll(List<Long> itemIds) {
        List<ReviewItemRecord> items = dsl.selectFrom(REVIEW_ITEM).where(REVIEW_ITEM.ID.in(itemIds)).and(mine())
                .orderBy(REVIEW_ITEM.ID).forUpdate().fetch();
        if (items.size() != itemIds.stream().distinct().count()) {
            throw new AccessDeniedException("Some of these items are not in your queue");
        }
        long careful = items.stream().filter(ReviewDecisions::needsCare).count();
        if (careful > 0) {
            throw new IllegalArgumentException(careful + " of the selected items are flagged or privileged: decide them one by one, with a comment");
        }
        for (ReviewItemRecord item : items) {
            requireActive(item);
            record(item, Decision.APPROVE, null, true);
        }
        return items.size();
    }

    /** Hands an item to another reviewer (reassign), or to a stand-in (delegate); it leaves the current queue. */
    @PreAuthorize(ReviewPermissions.MAY_REVIEW)
    @Transactional
    public void reassign(long itemId, int version, String newReviewer, String comment, boolean delegate) {
        ReviewItemRecord item = lockMine(itemId, version);
        if (comment == null || comment.isBlank()) {
            throw new IllegalArgumentException("Say why you hand this item on");
        }
        String target = newReviewer == null ? "" : newReviewer.strip();
        Boolean active = dsl.fetchValue("select active from platform.app_user where username = ?", target) instanceof Boolean b ? b : null;
        if (active == null || !active) {
            throw new IllegalArgumentException("There is no active user " + target);
        }
        if (target.equals(item.getReviewer())) {
            throw new IllegalArgumentException("The item is already in " + target + "'s queue");
        }
        if (isSubject(item, target)) {
            throw new IllegalArgumentException(target + " cannot review their own access");
        }
        String from = item.getReviewer();
        item.setReviewer(target);
        item.setVersion(item.getVersion() + 1);
        item.store();
        event(item, delegate ? "DELEGATE" : "REASSIGN", from + " → " + target + ": " + comment.strip());
    }

    private boolean isSubject(ReviewItemRecord item, String username) {
        return item.getPersonId() != null && dsl.fetchExists(dsl.selectOne().from("platform.app_user u").join("platform.person p")
                .on("lower(p.email) = lower(u.email)").where("u.username = ? and p.id = ?", username, item.getPersonId()));
    }

    private void record(ReviewItemRecord item, Decision decision, String comment, boolean bulk) {
        item.setOutcome(decision == Decision.APPROVE ? ReviewItem.Outcome.APPROVED : ReviewItem.Outcome.REVOKED);
        item.setDecidedBy(CurrentUser.username().orElseThrow());
        item.setDecidedAt(Instant.now());
        item.setComment(comment);
        item.setBulk(bulk);
        item.setVersion(item.getVersion() + 1);
        item.store();
        event(item, decision.name(), (bulk ? "bulk" : "") + (comment == null ? "" : (bulk ? ": " : "") + comment));
    }

    private void event(ReviewItemRecord item, String action, String detail) {
        ItemEventRecord e = dsl.newRecord(ITEM_EVENT);
        e.setItemId(item.getId());
        e.setStage(item.getStage());
        e.setOccurredAt(Instant.now());
        e.setActor(CurrentUser.username().orElse("system"));
        e.setAction(action);
        e.setDetail(detail == null || detail.isBlank() ? null : detail);
        e.store();
    }

    private ReviewItemRecord lockMine(long itemId, int version) {
        ReviewItemRecord item = dsl.selectFrom(REVIEW_ITEM).where(REVIEW_ITEM.ID.eq(itemId)).and(mine()).forUpdate().fetchOptional()
                .orElseThrow(() -> new AccessDeniedException("This item is not in your queue"));
        requireActive(item);
        if (item.getVersion() != version) {
            throw new ConcurrentChangeException("This item changed in the meantime (decided or reassigned); reload your queue");
        }
        return item;
    }

    private void requireActive(ReviewItemRecord item) {
        var campaign = dsl.select(CAMPAIGN.STATUS, CAMPAIGN.CURRENT_STAGE).from(CAMPAIGN).where(CAMPAIGN.ID.eq(item.getCampaignId())).fetchOne();
        if (campaign.value1() != Campaign.Status.ACTIVE) {
            throw new IllegalStateException("The campaign is " + campaign.value1().name().toLowerCase() + "; its decisions are frozen");
        }
        if (item.getStage() < campaign.value2()) {
            throw new IllegalStateException("Stage " + item.getStage() + " of this campaign has ended; its decisions are frozen");
        }
    }

    /** One campaign of the reviewer's queue: its name, when its current stage is due, and what is left to decide. */
    public record QueueCampaign(long id, String name, java.time.Instant dueAt, int pending, int total) {
    }

    /** The active campaigns with items for the signed-in reviewer at their current stage, soonest due first. */
    @PreAuthorize(ReviewPermissions.MAY_REVIEW)
    @Transactional(readOnly = true)
    public List<QueueCampaign> myCampaigns() {
        Condition current = atCurrentStages();
        if (current == null) {
            return List.of();
        }
        var stage = dev.steward.reviews.db.Tables.CAMPAIGN_STAGE;
        var pending = count().filterWhere(REVIEW_ITEM.OUTCOME.eq(ReviewItem.Outcome.PENDING));
        return dsl.select(CAMPAIGN.ID, CAMPAIGN.NAME, stage.DUE_AT, pending, count()).from(REVIEW_ITEM)
                .join(CAMPAIGN).on(CAMPAIGN.ID.eq(REVIEW_ITEM.CAMPAIGN_ID))
                .join(stage).on(stage.CAMPAIGN_ID.eq(CAMPAIGN.ID).and(stage.STAGE.eq(CAMPAIGN.CURRENT_STAGE)))
                .where(mine()).and(current)
                .groupBy(CAMPAIGN.ID, CAMPAIGN.NAME, stage.DUE_AT).orderBy(stage.DUE_AT, CAMPAIGN.NAME)
                .fetch(r -> new QueueCampaign(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
    }

    private static Condition mine() {
        return REVIEW_ITEM.REVIEWER.eq(CurrentUser.username().orElseThrow(() -> new AccessDeniedException("Sign in to review")));
    }

    private static boolean needsCare(ReviewItemRecord item) {
        return item.getPrivileged() || item.getFlags().length > 0;
    }

    static ReviewItem toItem(ReviewItemRecord r, String systemName, String earlierStages) {
        return new ReviewItem(r.getId(), r.getCampaignId(), systemName, r.getAccountName(), r.getPersonId(), r.getPersonName(),
                r.getEntitlement(), r.getGrantedVia(), r.getPrivileged(), Arrays.asList(r.getFlags()), r.getRecommendation(), r.getRecommendationReason(),
                r.getReviewer(), r.getRoutedToFallback(), r.getOutcome(), r.getDecidedBy(),
                r.getDecidedAt(), r.getComment(), r.getBulk(), r.getStage(), r.getEscalationLevel(), earlierStages,
                r.getVersion());
    }
}
