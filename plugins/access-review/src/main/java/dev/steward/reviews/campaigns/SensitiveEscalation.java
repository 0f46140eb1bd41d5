package dev.steward.reviews.campaigns;

import dev.steward.platform.audit.AuditEvent;
import dev.steward.platform.audit.AuditTrail;
import dev.steward.platform.notifications.Notification;
import dev.steward.platform.notifications.NotificationService;
import dev.steward.reviews.ReviewPermissions;
import org.jooq.DSLContext;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Privileged and flagged items are not left to the no-response rule: still undecided when their stage is due, they go
 * to the reviewer's manager (level 1); still undecided after the campaign's escalation days, to its fallback reviewer
 * (level 2), where they stay until decided or until the campaign's rule for them applies at the end of the stage. An
 * item never goes to the person whose access it is: then it skips to the fallback, and from the fallback to the owner.
 * Every move is in the item's history; each new reviewer is told once per campaign. Run by
 * {@link SensitiveEscalationJob}.
 */
@Service
public class SensitiveEscalation {

    /** One run's moves: per campaign, how many items went to each new reviewer. */
    public record Moves(Map<Long, Map<String, Integer>> perCampaign) {
        public int total() {
            return perCampaign.values().stream().flatMap(m -> m.values().stream()).mapToInt(Integer::intValue).sum();
        }
    }

    private static final String ESCALATE = """
            with %s,
            due as (
                select i.id, i.campaign_id, i.stage, i.reviewer, i.escalation_level, c.name campaign, c.fallback_reviewer, c.owner,
                       c.escalation_days, su.username subject_user,
                       (select mu.username from person_user ru
                            join platform.person rp on rp.id = ru.person_id
                            join person_user mu on mu.person_id = rp.manager_id
                        where ru.username = i.reviewer order by rp.id limit 1) manager_user
                from reviews.review_item i
                join reviews.campaign c on c.id = i.campaign_id and c.status = 'ACTIVE' and i.stage = c.current_stage
                join reviews.campaign_stage st on st.campaign_id = c.id and st.stage = c.current_stage
                left join person_user su on su.person_id = i.person_id
                where i.outcome = 'PENDING' and %s
                  and ((i.escalation_level = 0 and st.due_at <= cast({0} as timestamptz))
                    or (i.escalation_level = 1 and i.escalated_at + c.escalation_days * interval '1 day' <= cast({0} as timestamptz)))
            ),
            target as (
                select d.*, case
                        when d.escalation_level = 0 and d.manager_user is not null and d.manager_user is distinct from d.subject_user
                             and d.manager_user <> d.reviewer then d.manager_user
                        when d.fallback_reviewer is distinct from d.subject_user then d.fallback_reviewer
                        else d.owner end new_reviewer,
                    case when d.escalation_level = 0 and d.manager_user is not null and d.manager_user is distinct from d.subject_user
                             and d.manager_user <> d.reviewer then 1 else 2 end new_level
                from due d
            ),
            moved as (
                update reviews.review_item i set reviewer = t.new_reviewer, escalation_level = t.new_level, escalated_at = cast({0} as timestamptz),
                    version = i.version + 1
                from target t
                where i.campaign_id = t.campaign_id and i.id = t.id and i.outcome = 'PENDING' and i.escalation_level = t.escalation_level
                returning i.id
            ),
            history as (
                insert into reviews.item_event (item_id, actor, action, detail, stage)
                select t.id, 'escalation', 'ESCALATE', case when t.new_reviewer = t.reviewer
                        then 'Undecided privileged or flagged item: stays with ' || t.reviewer || ', the last level'
                        else t.reviewer || ' → ' || t.new_reviewer || ': undecided privileged or flagged item past its due date'
                            || case t.new_level when 1 then ' (to the reviewer''s manager)' else ' (to the fallback reviewer)' end end,
                    t.stage
                from target t join moved m on m.id = t.id
            )
            select t.campaign_id, t.campaign, t.new_reviewer, t.escalation_days, count(*) items
            from target t join moved m on m.id = t.id where t.new_reviewer <> t.reviewer
            group by t.campaign_id, t.campaign, t.new_reviewer, t.escalation_days
            """.formatted(ReviewerRouting.PERSON_USER, NoResponseRule.SENSITIVE);

    private final DSLContext dsl;
    private final AuditTrail audit;
    private final NotificationService notifications;

    SensitiveEscalation(DSLContext dsl, AuditTrail audit, NotificationService notifications) {
        this.dsl = dsl;
        this.audit = audit;
        this.notifications = notifications;
    }

    /** Moves every privileged or flagged item due for escalation at {@code now} one level up, in one statement. */
    @PreAuthorize(ReviewPermissions.MAY_ADMINISTER)
    @Transactional
    public Moves escalateDue(Instant now) {
        Map<Long, Map<String, Integer>> perCampaign = new TreeMap<>();
        Map<Long, String> names = new TreeMap<>();
        List<Notification> notices = new ArrayList<>();
        dsl.fetch(ESCALATE, now).forEach(row -> {
            long campaignId = row.get("campaign_id", Long.class);
            String reviewer = row.get("new_reviewer", String.class);
            int items = row.get("items", Integer.class);
            String campaign = row.get("campaign", String.class);
            names.put(campaignId, campaign);
            perCampaign.computeIfAbsent(campaignId, k -> new TreeMap<>()).put(reviewer, items);
            LocalDate decideBy = LocalDate.ofInstant(now.plus(java.time.Duration.ofDays(row.get("escalation_days", Integer.class))),
                    ZoneId.systemDefault());
            notices.add(new Notification(ReviewPermissions.PLUGIN_ID, "reviews.escalated", reviewer,
                    "Access review escalated to you: " + campaign,
                    items + " privileged or flagged item(s) nobody decided in time; decide by " + decideBy, "reviews/my",
                    Map.of("campaign", campaign, "items", items)));
        });
        notifications.sendAll(notices);
        perCampaign.forEach((campaignId, moves) -> audit.record(AuditEvent.of(ReviewPermissions.PLUGIN_ID, "campaign", campaignId, "ESCALATE")
                .after(Map.of("name", names.get(campaignId), "escalatedTo", moves))));
        return new Moves(perCampaign);
    }
}
