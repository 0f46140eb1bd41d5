package dev.steward.reviews.campaigns;

/** The SQL condition (over review_item {@code i}) under which closing revokes an undecided item. */
final class NoResponseRule {

    private NoResponseRule() {
    }

    static String revokesSql(CampaignForm.NoResponse rule) {
        return switch (rule) {
            case KEEP -> "false";
            case REVOKE -> "true";
            case RECOMMENDATION -> "i.recommendation = 'REVOKE'";
        };
    }
}
