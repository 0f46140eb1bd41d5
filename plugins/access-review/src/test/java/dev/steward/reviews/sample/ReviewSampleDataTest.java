package dev.steward.reviews.sample;

import dev.steward.platform.sample.SampleInstall;
import dev.steward.platform.security.Role;
import dev.steward.reviews.ReviewsTestBase;
import dev.steward.reviews.campaigns.Campaign;
import dev.steward.reviews.campaigns.CampaignService;
import dev.steward.reviews.decisions.CampaignItems;
import dev.steward.reviews.decisions.ReviewDecisions;
import dev.steward.reviews.decisions.ReviewItem;
import dev.steward.reviews.systems.SystemInfo;
import dev.steward.reviews.systems.SystemService;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** A demo start with access reviews: systems with imports and a campaign in progress reviewed by the sample managers. */
@TestPropertySource(properties = "steward.demo=true")
class ReviewSampleDataTest extends ReviewsTestBase {

    /** Every flag a review item can carry (the launch statement's list), as My reviews shows them. */
    private static final Set<String> EVERY_FLAG = Set.of("ORPHAN", "TERMINATED", "DISABLED", "DORMANT", "PRIVILEGED", "SOD", "OUTLIER");

    private List<ReviewItem> items() {
        loginAs("priya", Role.PRIVACY_OFFICER);
        Campaign campaign = bean(CampaignService.class).list().stream().filter(c -> c.status() == Campaign.Status.ACTIVE)
                .findFirst().orElseThrow();
        return bean(CampaignItems.class).page(campaign.id(), CampaignItems.Filter.none(), 0, 1000);
    }

    @Test
    void the_reviews_were_loaded_once_and_marked_as_sample_data() {
        assertThat(bean(SampleInstall.class).loadedModules()).containsExactly(SampleInstall.HOST, "reviews");
        loginAs("priya", Role.PRIVACY_OFFICER);
        assertThat(bean(SystemService.class).list()).extracting(SystemInfo::name).contains("Finance ERP", "Production cloud");
    }

    @Test
    void every_review_item_flag_appears_in_the_campaign() {
        assertThat(items()).flatExtracting(ReviewItem::flags).containsAll(EVERY_FLAG);
        assertThat(items()).anyMatch(ReviewItem::privileged);
    }

    @Test
    void the_campaign_is_in_progress_and_its_reviewers_are_the_sample_managers_with_the_privacy_officer_as_fallback() {
        List<ReviewItem> items = items();
        assertThat(items).extracting(ReviewItem::reviewer).containsOnly("maria", "tom", "priya").contains("maria", "tom");
        assertThat(items).extracting(ReviewItem::outcome).contains(ReviewItem.Outcome.PENDING, ReviewItem.Outcome.APPROVED,
                ReviewItem.Outcome.REVOKED);
        assertThat(items).filteredOn(i -> i.outcome() != ReviewItem.Outcome.PENDING).extracting(ReviewItem::decidedBy)
                .containsOnly("maria");
    }

    @Test
    void a_manager_finds_their_own_team_in_my_reviews() {
        loginAs("tom", Role.MANAGER);
        List<ReviewItem> queue = bean(ReviewDecisions.class).myQueue(true);
        assertThat(queue).isNotEmpty().allMatch(i -> i.reviewer().equals("tom"));
        assertThat(queue).extracting(ReviewItem::system).containsOnly("Finance ERP");
    }
}
