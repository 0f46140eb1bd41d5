package dev.steward.reviews.campaigns;

import dev.steward.platform.audit.AuditEvent;
import dev.steward.platform.audit.AuditTrail;
import dev.steward.platform.security.CurrentUser;
import dev.steward.reviews.ReviewPermissions;
import dev.steward.reviews.db.tables.records.CampaignRecord;
import org.jooq.DSLContext;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.steward.reviews.db.Tables.CAMPAIGN;
import static dev.steward.reviews.db.Tables.CAMPAIGN_STAGE;

/**
 * Multi-stage campaigns: ending a stage applies the no-response rule to what is undecided in it, freezes its
 * decisions, and opens the next stage for the items the stage rule sends on, each routed to the next stage's
 * reviewer (never the holder). The other items keep their outcome as final. All set-based.
 */
@Service
public class CampaignStages {

    private final DSLContext dsl;
    private final AuditTrail audit;
    private final CampaignService campaigns;

    CampaignStages(DSLContext dsl, AuditTrail audit, CampaignService campaigns) {
        this.dsl = dsl;
        this.audit = audit;
        this.campaigns = campaigns;
    }

    /** The outcome an item of the ending stage has once the no-response rule decided it (over review_item {@code i}). */
    private static String outcomeAfterRule(String revokes) {
        return "(case when i.outcome = 'PENDING' then case when " + revokes + " then 'REVOKED' else 'APPROVED' end else i.outcome end)";
    }

    /** Whether an item with the given outcome goes on to the next stage. */
    private static String goesOn(CampaignForm.StageRule rule, String outcome) {
        return switch (rule) {
            case REVOKE_IF_ANY -> outcome + " = 'APPROVED'";
            case APPROVE_IF_ANY -> outcome + " = 'REVOKED'";
            case LAST_STAGE_DECIDES -> "true";
        };
    }

    /** What ending the current stage would do (exactly what {@link #advance} then does). */
    @PreAuthorize(ReviewPermissions.MAY_READ)
    @Transactional(readOnly = true)
    public StagePreview preview(long campaignId) {
        CampaignRecord r = dsl.selectFrom(CAMPAIGN).where(CAMPAIGN.ID.eq(campaignId)).fetchOptional()
                .orElseThrow(() -> new IllegalArgumentException("Campaign " + campaignId + " does not exist"));
        return preview(r);
    }

    private StagePreview preview(CampaignRecord r) {
        String revokes = NoResponseRule.revokesSql(r.getNoResponse(), r.getSensitiveNoResponse());
        String outcome = outcomeAfterRule(revokes);
        String goesOn = goesOn(r.getStageRule(), outcome);
        List<StagePreview.SystemLine> lines = new ArrayList<>();
        dsl.fetch("select s.name, count(*) filter (where i.outcome = 'PENDING') undecided,"
                        + " count(*) filter (where i.outcome = 'PENDING' and " + revokes + ") revoked_by_rule,"
                        + " count(*) filter (where " + goesOn + ") going_on,"
                        + " count(*) filter (where not (" + goesOn + ") and " + outcome + " = 'APPROVED') final_approved,"
                        + " count(*) filter (where not (" + goesOn + ") and " + outcome + " = 'REVOKED') final_revoked"
                        + " from reviews.review_item i join reviews.system s on s.id = i.system_id"
                        + " where i.campaign_id = ? and i.stage = ? group by s.name order by s.name", r.getId(), r.getCurrentStage())
                .forEach(row -> lines.add(new StagePreview.SystemLine(row.get("name", String.class), row.get("undecided", Integer.class),
                        row.get("revoked_by_rule", Integer.class), row.get("going_on", Integer.class),
                        row.get("final_approved", Integer.class), row.get("final_revoked", Integer.class))));
        return new StagePreview(r.getCurrentStage(), lines);
    }

    /** Ends the current stage and opens the next; returns what was applied. */
    @PreAuthorize(ReviewPermissions.MAY_ADMINISTER)
    @Transactional
    public StagePreview advance(long campaignId, int version) {
        CampaignRecord r = campaigns.lock(campaignId, version);
        int stage = r.getCurrentStage();
        int stages = dsl.fetchCount(CAMPAIGN_STAGE, CAMPAIGN_STAGE.CAMPAIGN_ID.eq(campaignId));
        if (r.getStatus() != Campaign.Status.ACTIVE) {
            throw new IllegalStateException("Only an active campaign moves to its next stage");
        }
        if (stage >= stages) {
            throw new IllegalStateException("Stage " + stage + " is the campaign's last; close the campaign instead");
        }
        StagePreview applied = preview(r);
        if (applied.goingOn() == 0) {
            throw new IllegalStateException("No item goes on to stage " + (stage + 1) + "; close the campaign instead");
        }
        String revokes = NoResponseRule.revokesSql(r.getNoResponse(), r.getSensitiveNoResponse());
        dsl.execute("insert into reviews.item_event (item_id, actor, action, detail, stage) select i.id, 'no-response rule',"
                + " case when " + revokes + " then 'REVOKE' else 'APPROVE' end, "
                + NoResponseRule.detailSql("Undecided at the end of stage " + stage, r.getNoResponse(), r.getSensitiveNoResponse())
                + ", i.stage from reviews.review_item i"
                + " where i.campaign_id = ? and i.stage = ? and i.outcome = 'PENDING'", campaignId, stage);
        dsl.execute("update reviews.review_item i set outcome = case when " + revokes + " then 'REVOKED' else 'APPROVED' end,"
                + " by_rule = true, decided_by = 'no-response rule', decided_at = now(), version = i.version + 1"
                + " where i.campaign_id = ? and i.stage = ? and i.outcome = 'PENDING'", campaignId, stage);
        int next = stage + 1;
        int moved = dsl.execute("""
                with st as (select * from reviews.campaign_stage where campaign_id = {0} and stage = {1}),
                c as (select * from reviews.campaign where id = {0}),
                %s,
                r as (
                    select i.id, %s candidate, su.username subject_user, c.fallback_reviewer, c.owner
                    from reviews.review_item i cross join st cross join c
                    join reviews.system s on s.id = i.system_id
                    left join platform.person p on p.id = i.person_id
                    left join person_user mu on mu.person_id = p.manager_id
                    left join person_user ou on ou.person_id = s.owner_person_id
                    left join person_user su on su.person_id = i.person_id
                    where i.campaign_id = {0} and i.stage = {2} and %s
                )
                update reviews.review_item i set stage = {1}, reviewer = %s, routed_to_fallback = %s, outcome = 'PENDING',
                    decided_by = null, decided_at = null, comment = null, bulk = false, by_rule = false, escalation_level = 0,
                    escalated_at = null, version = i.version + 1
                from r where r.id = i.id
                """.formatted(ReviewerRouting.PERSON_USER,
                        ReviewerRouting.candidate("st.reviewer_rule", "mu.username", "ou.username", "st.named_reviewer"),
                        goesOn(r.getStageRule(), "i.outcome"), ReviewerRouting.REVIEWER,
                        ReviewerRouting.ROUTED_TO_FALLBACK),
                campaignId, next, stage);
        dsl.execute("insert into reviews.item_event (item_id, actor, action, detail, stage) select i.id, ?, 'NEXT_STAGE',"
                + " 'Stage ' || i.stage || ': to ' || i.reviewer || coalesce(' (' || i.routed_to_fallback || ')', ''), i.stage"
                + " from reviews.review_item i where i.campaign_id = ? and i.stage = ?",
                CurrentUser.username().orElse("system"), campaignId, next);
        Instant now = Instant.now();
        dsl.update(CAMPAIGN_STAGE).set(CAMPAIGN_STAGE.ENDED_AT, now)
                .where(CAMPAIGN_STAGE.CAMPAIGN_ID.eq(campaignId)).and(CAMPAIGN_STAGE.STAGE.eq(stage)).execute();
        dsl.update(CAMPAIGN_STAGE).set(CAMPAIGN_STAGE.STARTED_AT, now)
                .where(CAMPAIGN_STAGE.CAMPAIGN_ID.eq(campaignId)).and(CAMPAIGN_STAGE.STAGE.eq(next)).execute();
        r.setCurrentStage(next);
        r.setVersion(r.getVersion() + 1);
        r.store();
        audit.record(AuditEvent.of(ReviewPermissions.PLUGIN_ID, "campaign", campaignId, "NEXT_STAGE").after(Map.of(
                "endedStage", stage, "undecidedByRule", applied.undecided(), "goingOn", moved, "stageRule", r.getStageRule())));
        Map<String, Integer> perReviewer = new java.util.TreeMap<>();
        dsl.fetch("select reviewer, count(*) items from reviews.review_item where campaign_id = ? and stage = ? group by reviewer",
                campaignId, next).forEach(row -> perReviewer.put(row.get("reviewer", String.class), row.get("items", Integer.class)));
        campaigns.notifyReviewers(r, next, perReviewer);
        return applied;
    }
}
