package dev.steward.reviews.integration;

import dev.steward.reviews.ReviewPermissions;
import dev.steward.platform.security.CurrentUser;
import org.jooq.DSLContext;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

/** Figures for the dashboard cards. */
@Service
public class ReviewStats {

    public record CampaignProgress(String name, int items, int decided, boolean overdue) {
    }

    /** A reviewer with items still pending in a stage past its due date. */
    public record OverdueReviewer(String reviewer, String campaign, int pending, java.time.Instant due) {
    }

    private final DSLContext dsl;

    ReviewStats(DSLContext dsl) {
        this.dsl = dsl;
    }

    @PreAuthorize(ReviewPermissions.MAY_REVIEW)
    @Transactional(readOnly = true)
    public int myPending() {
        return ((Number) dsl.fetchValue("select count(*) from reviews.review_item i join reviews.campaign c on c.id = i.campaign_id"
                + " where c.status = 'ACTIVE' and i.outcome = 'PENDING' and i.reviewer = ?", CurrentUser.username().orElseThrow())).intValue();
    }

    @PreAuthorize(ReviewPermissions.MAY_READ_FIGURES)
    @Transactional(readOnly = true)
    public List<CampaignProgress> activeCampaigns() {
        return dsl.fetch("select c.name, c.items, count(*) filter (where i.outcome <> 'PENDING') decided, c.due_at < now() overdue"
                        + " from reviews.campaign c left join reviews.review_item i on i.campaign_id = c.id where c.status = 'ACTIVE'"
                        + " group by c.id order by c.due_at")
                .map(r -> new CampaignProgress(r.get("name", String.class), r.get("items", Integer.class), r.get("decided", Integer.class),
                        r.get("overdue", Boolean.class)));
    }

    /**
     * Reviewers with items still pending in an active campaign's current stage past its due date, most pending
     * first (at most {@code limit}; one row per reviewer and campaign).
     */
    @PreAuthorize(ReviewPermissions.MAY_READ_FIGURES)
    @Transactional(readOnly = true)
    public List<OverdueReviewer> overdueReviewers(int limit) {
        return dsl.fetch("""
                        select i.reviewer, c.name, count(*) pending, s.due_at
                        from reviews.campaign c
                        join reviews.campaign_stage s on s.campaign_id = c.id and s.stage = c.current_stage and s.due_at < now()
                        join reviews.review_item i on i.campaign_id = c.id and i.stage = c.current_stage and i.outcome = 'PENDING'
                        where c.status = 'ACTIVE'
                        group by i.reviewer, c.id, c.name, s.due_at order by count(*) desc, i.reviewer limit ?
                        """, limit)
                .map(r -> new OverdueReviewer(r.get("reviewer", String.class), r.get("name", String.class), r.get("pending", Integer.class),
                        r.get("due_at", java.time.OffsetDateTime.class).toInstant()));
    }

    @PreAuthorize(ReviewPermissions.MAY_READ_FIGURES)
    @Transactional(readOnly = true)
    public int revokedButNotRemoved() {
        return ((Number) dsl.fetchValue("select count(*) from reviews.remediation where status = 'NOT_REMOVED'")).intValue();
    }
}
