package dev.steward.reviews.campaigns;

import java.time.Instant;
import java.util.List;

/**
 * A campaign as its owner defines it.
 *
 * @param systemIds          the systems in scope (at least one)
 * @param entitlementFilter  a LIKE pattern on entitlement names (e.g. {@code %ADMIN%}), or null for all
 * @param orgUnitIds         only people in these org units, or empty for everyone (orphan accounts have none)
 * @param namedReviewer      the reviewer for {@link ReviewerRule#NAMED}
 * @param fallbackReviewer   reviews what has no reviewer, and what would be a self-review
 */
public record CampaignForm(String name, String description, List<Long> systemIds, String entitlementFilter,
                           boolean privilegedOnly, boolean flaggedOnly, List<Long> orgUnitIds, ReviewerRule reviewerRule,
                           String namedReviewer, String fallbackReviewer, NoResponse noResponse, Instant startsAt,
                           Instant dueAt) {

    public enum ReviewerRule { MANAGER, SYSTEM_OWNER, NAMED }

    /** What closing does with items nobody decided. */
    public enum NoResponse { KEEP, REVOKE, RECOMMENDATION }

    public CampaignForm {
        systemIds = systemIds == null ? List.of() : List.copyOf(systemIds);
        orgUnitIds = orgUnitIds == null ? List.of() : List.copyOf(orgUnitIds);
    }
}
