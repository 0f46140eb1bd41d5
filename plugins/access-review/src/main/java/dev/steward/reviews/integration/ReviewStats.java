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

    private final DSLContext dsl;

    ReviewStats(DSLContext dsl) {
        this.dsl = dsl;
    }

    @PreAuthorize("hasAuthority('" + ReviewPermissions.REVIEW + "')")
    @Transactional(readOnly = true)
    public int myPending() {
        return ((Number) dsl.fetchValue("select count(*) from reviews.review_item i join reviews.campaign c on c.id = i.campaign_id"
                + " where c.status = 'ACTIVE' and i.outcome = 'PENDING' and i.reviewer = ?", CurrentUser.username().orElseThrow())).intValue();
    }

    @PreAuthorize("hasAuthority('" + ReviewPermissions.READ + "')")
    @Transactional(readOnly = true)
    public List<CampaignProgress> activeCampaigns() {
        return dsl.fetch("select c.name, c.items, count(*) filter (where i.outcome <> 'PENDING') decided, c.due_at < now() overdue"
                        + " from reviews.campaign c left join reviews.review_item i on i.campaign_id = c.id where c.status = 'ACTIVE'"
                        + " group by c.id order by c.due_at")
                .map(r -> new CampaignProgress(r.get("name", String.class), r.get("items", Integer.class), r.get("decided", Integer.class),
                        r.get("overdue", Boolean.class)));
    }

    /** Reviewers with pending items in campaigns past their due date. */
    @PreAuthorize("hasAuthority('" + ReviewPermissions.READ + "')")
    @Transactional(readOnly = true)
    public int overdueReviewers() {
        return ((Number) dsl.fetchValue("select count(distinct i.reviewer) from reviews.review_item i join reviews.campaign c on c.id = i.campaign_id"
                + " where c.status = 'ACTIVE' and c.due_at < now() and i.outcome = 'PENDING'")).intValue();
    }

    @PreAuthorize("hasAuthority('" + ReviewPermissions.READ + "')")
    @Transactional(readOnly = true)
    public int revokedButNotRemoved() {
        return ((Number) dsl.fetchValue("select count(*) from reviews.remediation where status = 'NOT_REMOVED'")).intValue();
    }
}
