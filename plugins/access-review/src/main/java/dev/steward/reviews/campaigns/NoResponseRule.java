package dev.steward.reviews.campaigns;

/**
 * The SQL condition (over review_item {@code i}) under which the end of a stage or the close revokes an undecided item:
 * privileged or flagged items follow the campaign's rule for them, the others its no-response rule.
 */
final class NoResponseRule {

    /** Over review_item {@code i}: the item is privileged or carries a flag (orphan, dormant, terminated, ...). */
    static final String SENSITIVE = "(i.privileged or cardinality(i.flags) > 0)";

    private NoResponseRule() {
    }

    static String revokesSql(CampaignForm.NoResponse plain, CampaignForm.NoResponse sensitive) {
        return "(case when " + SENSITIVE + " then " + revokesSql(sensitive) + " else " + revokesSql(plain) + " end)";
    }

    /** The words the item's history gives the rule that decided it, over review_item {@code i}. */
    static String detailSql(String when, CampaignForm.NoResponse plain, CampaignForm.NoResponse sensitive) {
        return "(case when " + SENSITIVE + " then '" + when + " (privileged or flagged): " + words(sensitive) + "' else '"
                + when + ": " + words(plain) + "' end)";
    }

    static String words(CampaignForm.NoResponse rule) {
        return rule.label().toLowerCase();
    }

    private static String revokesSql(CampaignForm.NoResponse rule) {
        return switch (rule) {
            case KEEP -> "false";
            case REVOKE -> "true";
            case RECOMMENDATION -> "i.recommendation = 'REVOKE'";
        };
    }
}
