package dev.steward.reviews.campaigns;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A campaign as its owner defines it.
 *
 * @param systemIds          the systems in scope (at least one)
 * @param entitlementFilter  a LIKE pattern on entitlement names (e.g. {@code %ADMIN%}), or null for all
 * @param orgUnitIds         only people in these org units, or empty for everyone (orphan accounts have none)
 * @param fallbackReviewer   reviews what has no reviewer, and what would be a self-review
 * @param stages             one to three review stages in order; the last one's due date is the campaign's
 * @param stageRule          how the stages' outcomes combine (irrelevant with one stage)
 * @param reminderDays       days before a stage is due on which reviewers with pending items are reminded
 * @param escalation         who hears when a reviewer misses the stage's due date
 * @param sensitiveNoResponse what the end of a stage or the close does with privileged or flagged items nobody decided
 *                           (these never fall under {@code noResponse})
 * @param escalationDays     how long an escalated privileged or flagged item stays with the reviewer's manager before
 *                           it goes on to the fallback reviewer
 */
public record CampaignForm(String name, String description, List<Long> systemIds, String entitlementFilter,
                           boolean privilegedOnly, boolean flaggedOnly, List<Long> orgUnitIds, String fallbackReviewer,
                           NoResponse noResponse, Instant startsAt, List<Stage> stages, StageRule stageRule,
                           List<Integer> reminderDays, Escalation escalation, NoResponse sensitiveNoResponse,
                           int escalationDays) {

    public static final int MAX_STAGES = 3;
    /** The furthest ahead a reminder may be set. */
    public static final int MAX_REMINDER_DAYS = 30;
    public static final List<Integer> DEFAULT_REMINDER_DAYS = List.of(3, 1);
    public static final int DEFAULT_ESCALATION_DAYS = 3;
    public static final int MAX_ESCALATION_DAYS = 30;

    /** Besides the reviewer, who is told of a missed review deadline. */
    public enum Escalation { REVIEWER_MANAGER, CAMPAIGN_OWNER }

    public enum ReviewerRule { MANAGER, SYSTEM_OWNER, NAMED }

    /** What closing (or the end of a stage) does with items nobody decided. */
    public enum NoResponse {
        KEEP("Keep the access"), REVOKE("Revoke the access"), RECOMMENDATION("Follow the recommendation");

        private final String label;

        NoResponse(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Which items go on from one stage to the next; those that do not are final. */
    public enum StageRule {
        /** Only approved items go on: a revoke at any stage revokes. */
        REVOKE_IF_ANY,
        /** Only revoked items go on, for a second opinion: an approval at any stage keeps the access. */
        APPROVE_IF_ANY,
        /** Every item goes on; the last stage's decision counts, earlier ones advise. */
        LAST_STAGE_DECIDES
    }

    /** One review stage: who reviews and by when. */
    public record Stage(ReviewerRule reviewerRule, String namedReviewer, Instant dueAt) {
    }

    public CampaignForm {
        systemIds = systemIds == null ? List.of() : List.copyOf(systemIds);
        orgUnitIds = orgUnitIds == null ? List.of() : List.copyOf(orgUnitIds);
        stages = stages == null ? List.of() : java.util.Collections.unmodifiableList(new ArrayList<>(stages));
        stageRule = stageRule == null ? StageRule.REVOKE_IF_ANY : stageRule;
        reminderDays = reminderDays == null ? DEFAULT_REMINDER_DAYS : java.util.Collections.unmodifiableList(new ArrayList<>(reminderDays));
        escalation = escalation == null ? Escalation.REVIEWER_MANAGER : escalation;
        sensitiveNoResponse = sensitiveNoResponse == null ? NoResponse.REVOKE : sensitiveNoResponse;
    }

    /**
     * A campaign with one review stage, its undecided privileged or flagged items revoked after the default escalation.
     * (A factory, not a constructor: Vaadin's Binder builds a record through its first declared constructor.)
     */
    public static CampaignForm oneStage(String name, String description, List<Long> systemIds, String entitlementFilter,
                                        boolean privilegedOnly, boolean flaggedOnly, List<Long> orgUnitIds, ReviewerRule reviewerRule,
                                        String namedReviewer, String fallbackReviewer, NoResponse noResponse, Instant startsAt,
                                        Instant dueAt) {
        return new CampaignForm(name, description, systemIds, entitlementFilter, privilegedOnly, flaggedOnly, orgUnitIds, fallbackReviewer, noResponse,
                startsAt, java.util.Collections.singletonList(new Stage(reviewerRule, namedReviewer, dueAt)), StageRule.REVOKE_IF_ANY,
                DEFAULT_REMINDER_DAYS, Escalation.REVIEWER_MANAGER, NoResponse.REVOKE, DEFAULT_ESCALATION_DAYS);
    }

    /** This campaign with another rule for its undecided privileged or flagged items. */
    public CampaignForm withSensitiveNoResponse(NoResponse rule) {
        return new CampaignForm(name, description, systemIds, entitlementFilter, privilegedOnly, flaggedOnly, orgUnitIds, fallbackReviewer,
                noResponse, startsAt, stages, stageRule, reminderDays, escalation, rule, escalationDays);
    }

    /**
     * The name a validation problem gives one field of a stage: {@code stage2.dueAt}.
     *
     * @param stage 1-based, as the messages count stages
     * @param field {@code reviewerRule}, {@code namedReviewer} or {@code dueAt}
     */
    public static String stageField(int stage, String field) {
        return "stage" + stage + "." + field;
    }

    /** The first stage's reviewer rule. */
    public ReviewerRule reviewerRule() {
        return stages.isEmpty() ? null : stages.getFirst().reviewerRule();
    }

    /** The campaign's due date: the last stage's. */
    public Instant dueAt() {
        return stages.isEmpty() ? null : stages.getLast().dueAt();
    }
}
