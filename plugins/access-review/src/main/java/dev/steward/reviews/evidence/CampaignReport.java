package dev.steward.reviews.evidence;

import dev.steward.reviews.campaigns.Campaign;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What an auditor asks of a campaign: its scope, who reviewed, how fast and how carefully, what it decided and
 * whether the revocations were carried out.
 *
 * @param systems          names of the systems in scope
 * @param decidedByReviewers decisions made by people (approve or revoke), as opposed to the no-response rule
 * @param medianHoursToDecide from launch to a reviewer's decision; null before the first decision
 * @param quickApprovals   one-by-one approvals made less than {@link CampaignReports#QUICK_SECONDS} seconds after the
 *                         same reviewer's previous decision: the rubber-stamping signal (bulk approvals are counted
 *                         apart, they are only possible for unflagged, non-privileged items)
 * @param escalations      missed reviewer or close deadlines escalated by the platform
 * @param remediation      remediation items by status (open, done, failed, verified, not removed)
 */
public record CampaignReport(Campaign campaign, List<String> systems, Totals totals, List<ReviewerLine> reviewers,
                             List<SystemLine> bySystem, List<DayLine> completion, Double medianHoursToDecide,
                             Double p90HoursToDecide, int quickApprovals, int reassigned, int delegated, int escalations,
                             Map<String, Integer> remediation) {

    /**
     * @param sensitiveKeptByRule privileged or flagged items the no-response rule kept: access nobody looked at where it
     *                            mattered most, shown apart so that it is never hidden in a total
     */
    public record Totals(int items, int pending, int approved, int revoked, int keptByRule, int revokedByRule, int bulk,
                         int routedToFallback, int flagged, int privileged, int sensitiveKeptByRule) {

        public int decidedByReviewers() {
            return approved + revoked;
        }

        public int decidedByRule() {
            return keptByRule + revokedByRule;
        }

        /** "6 of 97 (6 %)": the items a person decided, of all. */
        public String reviewedByAPerson() {
            return decidedByReviewers() + " of " + items + " (" + Math.round(completion() * 100) + " %)";
        }

        /** "91 (kept 44, revoked 47)". */
        public String decidedByTheRule() {
            return decidedByRule() + " (kept " + keptByRule + ", revoked " + revokedByRule + ")";
        }

        /** Share of reviewer decisions made in bulk, 0..1. */
        public double bulkShare() {
            return decidedByReviewers() == 0 ? 0 : (double) bulk / decidedByReviewers();
        }

        /** Share of items decided by reviewers, 0..1. */
        public double completion() {
            return items == 0 ? 0 : (double) decidedByReviewers() / items;
        }
    }

    public record ReviewerLine(String reviewer, int items, int decided, int bulk, int leftToRule) {
    }

    /** Per system: outcomes, and how many items a person decided and how many the no-response rule. */
    public record SystemLine(String system, int items, int approved, int revoked, int pending, int byPerson, int byRule) {
    }

    /** Reviewer decisions per day (UTC) and the share of all items decided by the end of that day. */
    public record DayLine(LocalDate day, int decided, double cumulativeShare) {
    }
}
