package dev.steward.reviews.integration;

import dev.steward.platform.spi.DeadlineSource;
import dev.steward.reviews.ReviewPermissions;
import dev.steward.reviews.campaigns.CampaignForm;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.ArrayList;
import java.util.List;

/**
 * Campaign work as platform deadlines: each reviewer's pending items of a campaign's current stage, due with the stage
 * (so reminders stop the moment the reviewer is done) and reminded on the campaign's schedule, escalated to the
 * reviewer's manager or the campaign owner as the campaign says; and each active campaign's close for its owner.
 */
@Component
class ReviewDeadlines implements DeadlineSource {

    private final DSLContext dsl;

    ReviewDeadlines(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public String officerPermission() {
        return ReviewPermissions.ADMIN;
    }

    /**
     * A reviewer's queue (a campaign name and a count) is for reviewers, so a reviewer's manager may be told it is
     * late; a campaign's close is for those who read campaigns.
     */
    @Override
    public String readPermission(Deadline deadline) {
        return deadline.key().contains(":reviewer:") ? ReviewPermissions.REVIEW : ReviewPermissions.READ;
    }

    @Override
    public List<Deadline> deadlines(DeadlineQuery query) {
        Instant now = Instant.now();
        List<Deadline> all = new ArrayList<>();
        // escalated privileged or flagged items are a deadline of their own for their new reviewer: due their escalation days later
        dsl.fetch("select c.id, c.name, c.current_stage, c.reminder_days, c.escalate_to, c.owner, i.reviewer,"
                        + " i.escalation_level > 0 escalated,"
                        + " case when i.escalation_level > 0 then max(i.escalated_at) + c.escalation_days * interval '1 day' else st.due_at end due_at,"
                        + " count(*) filter (where i.outcome = 'PENDING') pending"
                        + " from reviews.review_item i join reviews.campaign c on c.id = i.campaign_id and i.stage = c.current_stage"
                        + " join reviews.campaign_stage st on st.campaign_id = c.id and st.stage = c.current_stage"
                        + " where c.status = 'ACTIVE' and (cast(? as varchar[]) is null or i.reviewer = any(cast(? as varchar[])))"
                        // an escalated item is due after its stage: a stage due later is never due before the query's time
                        + " and (cast(? as timestamptz) is null or st.due_at < cast(? as timestamptz))"
                        + " group by c.id, c.name, c.current_stage, c.reminder_days, c.escalate_to, c.owner, c.escalation_days, st.due_at,"
                        + " i.reviewer, i.escalation_level > 0",
                owners(query), owners(query), query.dueBefore(), query.dueBefore())
                .forEach(r -> {
                    int pending = r.get("pending", Integer.class);
                    if (pending == 0 && query.openOnly()) {
                        return;
                    }
                    Instant due = r.get("due_at", java.time.OffsetDateTime.class).toInstant();
                    if (query.dueBefore() != null && !due.isBefore(query.dueBefore())) {
                        return;
                    }
                    boolean escalated = r.get("escalated", Boolean.class);
                    State state = pending == 0 ? State.MET : due.isBefore(now) ? State.MISSED : State.OPEN;
                    all.add(new Deadline("reviews:campaign:" + r.get("id", Long.class) + ":stage:" + r.get("current_stage", Integer.class)
                            + ":reviewer:" + r.get("reviewer", String.class) + (escalated ? ":escalated" : ""),
                            ReviewPermissions.PLUGIN_ID, r.get("name", String.class) + ": " + pending
                            + (escalated ? " escalated privileged or flagged item(s) to review" : " access item(s) to review"),
                            r.get("reviewer", String.class), due, Severity.HIGH, "reviews/my", state, null,
                            reminders((Integer[]) r.get("reminder_days")),
                            "CAMPAIGN_OWNER".equals(r.get("escalate_to", String.class)) ? Set.of(r.get("owner", String.class)) : null));
                });
        dsl.fetch("select id, name, owner, due_at, status from reviews.campaign where status in ('ACTIVE', 'CLOSED')"
                        + " and (cast(? as varchar[]) is null or owner = any(cast(? as varchar[])))"
                        + " and (cast(? as timestamptz) is null or due_at < cast(? as timestamptz))",
                owners(query), owners(query), query.dueBefore(), query.dueBefore())
                .forEach(r -> {
                    boolean closed = "CLOSED".equals(r.get("status", String.class));
                    if (closed && query.openOnly()) {
                        return;
                    }
                    Instant due = r.get("due_at", java.time.OffsetDateTime.class).toInstant();
                    all.add(new Deadline("reviews:campaign:" + r.get("id", Long.class) + ":close", ReviewPermissions.PLUGIN_ID,
                            "Close the campaign " + r.get("name", String.class), r.get("owner", String.class), due, Severity.MEDIUM,
                            "reviews/campaigns", closed ? State.MET : due.isBefore(now) ? State.MISSED : State.OPEN, null));
                });
        return all;
    }

    @Override
    public Duration longestReminder() {
        return Duration.ofDays(CampaignForm.MAX_REMINDER_DAYS);
    }

    /** Days before the due date as the platform's reminder offsets; 0 means on the last day, 8 hours before the deadline. */
    private static List<Duration> reminders(Integer[] days) {
        return Arrays.stream(days).map(d -> d == 0 ? Duration.ofHours(8) : Duration.ofDays(d)).toList();
    }

    private static String[] owners(DeadlineQuery query) {
        return query.owners() == null ? null : query.owners().toArray(String[]::new);
    }
}
