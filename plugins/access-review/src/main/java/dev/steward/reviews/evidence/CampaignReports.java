package dev.steward.reviews.evidence;

import dev.steward.reviews.ReviewPermissions;
import dev.steward.reviews.campaigns.Campaign;
import dev.steward.reviews.campaigns.CampaignService;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Date;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Computes a campaign's report in SQL (a handful of aggregate queries, whatever the campaign's size). */
@Service
public class CampaignReports {

    /** An approval this soon after the reviewer's previous decision counts as a quick approval. */
    public static final int QUICK_SECONDS = 5;

    private final DSLContext dsl;
    private final CampaignService campaigns;

    CampaignReports(DSLContext dsl, CampaignService campaigns) {
        this.dsl = dsl;
        this.campaigns = campaigns;
    }

    @PreAuthorize(ReviewPermissions.MAY_READ)
    @Transactional(readOnly = true)
    public CampaignReport report(long campaignId) {
        Campaign campaign = campaigns.find(campaignId)
                .orElseThrow(() -> new IllegalArgumentException("Campaign " + campaignId + " does not exist"));
        List<String> systems = dsl.fetch("select name from reviews.system where id = any(?) order by name",
                (Object) campaign.definition().systemIds().toArray(Long[]::new)).getValues(0, String.class);
        Record t = dsl.fetchOne("""
                select count(*) items,
                       count(*) filter (where outcome = 'PENDING') pending,
                       count(*) filter (where outcome = 'APPROVED' and not by_rule) approved,
                       count(*) filter (where outcome = 'REVOKED' and not by_rule) revoked,
                       count(*) filter (where outcome = 'APPROVED' and by_rule) kept_by_rule,
                       count(*) filter (where outcome = 'REVOKED' and by_rule) revoked_by_rule,
                       count(*) filter (where bulk) bulk,
                       count(*) filter (where routed_to_fallback is not null) routed,
                       count(*) filter (where cardinality(flags) > 0) flagged,
                       count(*) filter (where privileged) privileged,
                       count(*) filter (where outcome = 'APPROVED' and by_rule and (privileged or cardinality(flags) > 0)) sensitive_kept,
                       percentile_cont(0.5) within group (order by extract(epoch from i.decided_at - c.launched_at))
                           filter (where not by_rule and decided_at is not null) / 3600 median_hours,
                       percentile_cont(0.9) within group (order by extract(epoch from i.decided_at - c.launched_at))
                           filter (where not by_rule and decided_at is not null) / 3600 p90_hours
                from reviews.review_item i join reviews.campaign c on c.id = i.campaign_id
                where i.campaign_id = ?
                """, campaignId);
        var totals = new CampaignReport.Totals(t.get("items", Integer.class), t.get("pending", Integer.class),
                t.get("approved", Integer.class), t.get("revoked", Integer.class), t.get("kept_by_rule", Integer.class),
                t.get("revoked_by_rule", Integer.class), t.get("bulk", Integer.class), t.get("routed", Integer.class),
                t.get("flagged", Integer.class), t.get("privileged", Integer.class), t.get("sensitive_kept", Integer.class));
        List<CampaignReport.ReviewerLine> reviewers = dsl.fetch("""
                select reviewer, count(*) items, count(*) filter (where outcome <> 'PENDING' and not by_rule) decided,
                       count(*) filter (where bulk) bulk, count(*) filter (where by_rule) left_to_rule
                from reviews.review_item where campaign_id = ? group by reviewer order by reviewer
                """, campaignId).map(r -> new CampaignReport.ReviewerLine(r.get("reviewer", String.class),
                r.get("items", Integer.class), r.get("decided", Integer.class), r.get("bulk", Integer.class),
                r.get("left_to_rule", Integer.class)));
        List<CampaignReport.SystemLine> bySystem = dsl.fetch("""
                select s.name, count(*) items, count(*) filter (where outcome = 'APPROVED') approved,
                       count(*) filter (where outcome = 'REVOKED') revoked, count(*) filter (where outcome = 'PENDING') pending,
                       count(*) filter (where outcome <> 'PENDING' and not by_rule) by_person, count(*) filter (where by_rule) by_rule
                from reviews.review_item i join reviews.system s on s.id = i.system_id
                where i.campaign_id = ? group by s.name order by s.name
                """, campaignId).map(r -> new CampaignReport.SystemLine(r.get("name", String.class), r.get("items", Integer.class),
                r.get("approved", Integer.class), r.get("revoked", Integer.class), r.get("pending", Integer.class),
                r.get("by_person", Integer.class), r.get("by_rule", Integer.class)));
        List<CampaignReport.DayLine> completion = new ArrayList<>();
        int cumulative = 0;
        for (Record r : dsl.fetch("""
                select (decided_at at time zone 'UTC')::date as day, count(*) decided from reviews.review_item
                where campaign_id = ? and not by_rule and decided_at is not null group by 1 order by 1
                """, campaignId)) {
            int decided = r.get("decided", Integer.class);
            cumulative += decided;
            completion.add(new CampaignReport.DayLine(r.get("day", Date.class).toLocalDate(), decided,
                    totals.items() == 0 ? 0 : (double) cumulative / totals.items()));
        }
        int quick = count("""
                select count(*) from (
                    select outcome, bulk, decided_at - lag(decided_at) over (partition by decided_by order by decided_at, id) gap
                    from reviews.review_item where campaign_id = ? and not by_rule and decided_at is not null) d
                where outcome = 'APPROVED' and not bulk and gap < make_interval(secs => ?)
                """, campaignId, QUICK_SECONDS);
        Map<String, Integer> handOvers = new LinkedHashMap<>();
        dsl.fetch("""
                select e.action, count(*) n from reviews.item_event e join reviews.review_item i on i.id = e.item_id
                where i.campaign_id = ? and e.action in ('REASSIGN', 'DELEGATE') group by e.action
                """, campaignId).forEach(r -> handOvers.put(r.get("action", String.class), r.get("n", Integer.class)));
        int escalations = count("select count(*) from platform.deadline_notice where notice = 'ESCALATION'"
                + " and deadline_key like ?", "reviews:campaign:" + campaignId + ":%");
        Map<String, Integer> remediation = new LinkedHashMap<>();
        for (String status : List.of("OPEN", "DONE", "FAILED", "VERIFIED", "NOT_REMOVED")) {
            remediation.put(status, 0);
        }
        dsl.fetch("select status, count(*) n from reviews.remediation where campaign_id = ? group by status", campaignId)
                .forEach(r -> remediation.put(r.get("status", String.class), r.get("n", Integer.class)));
        return new CampaignReport(campaign, systems, totals, reviewers, bySystem, completion,
                t.get("median_hours", Double.class), t.get("p90_hours", Double.class), quick,
                handOvers.getOrDefault("REASSIGN", 0), handOvers.getOrDefault("DELEGATE", 0), escalations, remediation);
    }

    private int count(String sql, Object... bindings) {
        return ((Number) dsl.fetchValue(sql, bindings)).intValue();
    }
}
