package dev.steward.reviews.integration;

import dev.steward.platform.security.Role;
import dev.steward.reviews.CompanyTestBase;
import dev.steward.reviews.campaigns.Campaign;
import dev.steward.reviews.campaigns.CampaignForm;
import dev.steward.reviews.campaigns.CampaignForm.ReviewerRule;
import dev.steward.reviews.campaigns.CampaignForm.StageRule;
import dev.steward.reviews.campaigns.CampaignStages;
import dev.steward.reviews.campaigns.StagePreview;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The burn-down of the active campaigns, counted in PostgreSQL: a two-stage campaign launched three days ago, Maria's
 * three decisions two days ago, and today the end of stage 1 (the no-response rule revokes some of the rest; the
 * approved items go on to stage 2, pending again from today only). Checks exactly how each day moved (other tests'
 * campaigns may share the database).
 */
class ReviewChartsTest extends CompanyTestBase {

    @Override
    protected Long erpOwner() {
        return company.jane;
    }

    @Test
    void each_day_counts_each_item_in_the_stage_it_was_in_then_so_stage_one_decisions_stay_decided_until_stage_two_opens() {
        ReviewCharts charts = bean(ReviewCharts.class);
        var before = charts.burnDown(30, ZoneOffset.UTC);
        Campaign campaign = launchTwoStages();
        int stageOne = campaign.items();
        dsl.execute("update reviews.campaign set launched_at = launched_at - interval '3 days' where id = ?", campaign.id());
        dsl.execute("update reviews.campaign_stage set started_at = started_at - interval '3 days' where campaign_id = ?", campaign.id());
        mariasDecisions(company);
        dsl.execute("update reviews.review_item set decided_at = decided_at - interval '2 days' where campaign_id = ? and decided_at is not null",
                campaign.id());
        dsl.execute("update reviews.item_event set occurred_at = occurred_at - interval '2 days'"
                + " where item_id in (select id from reviews.review_item where campaign_id = ?)", campaign.id());
        int mariasDecisions = 3;
        CampaignStages stages = bean(CampaignStages.class);
        StagePreview.SystemLine end = stages.preview(campaign.id()).systems().getFirst();
        stages.advance(campaign.id(), campaigns.find(campaign.id()).orElseThrow().version());

        // what goes on to stage 2 is pending again; Maria's revocation of Al is final
        int finalByPeople = stageOne - end.goingOn() - end.revokedByRule();
        assertThat(finalByPeople).isEqualTo(1);
        var after = charts.burnDown(30, ZoneOffset.UTC);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        assertThat(after).hasSize(30);
        assertThat(after.getLast().day()).isEqualTo(today);
        for (int i = 0; i < 30; i++) {
            ReviewCharts.Day a = after.get(i);
            ReviewCharts.Day b = before.get(i);
            List<Integer> moved = List.of(a.pending() - b.pending(), a.byPeople() - b.byPeople(), a.byRule() - b.byRule());
            long daysAgo = today.toEpochDay() - a.day().toEpochDay();
            List<Integer> expected = daysAgo > 3 ? List.of(0, 0, 0)
                    : daysAgo == 3 ? List.of(stageOne, 0, 0)
                    : daysAgo > 0 ? List.of(stageOne - mariasDecisions, mariasDecisions, 0)
                    : List.of(end.goingOn(), finalByPeople, end.revokedByRule());
            assertThat(moved).as("%s: pending, by people, by rule", a.day()).isEqualTo(expected);
        }
        assertThat(end.revokedByRule()).isPositive();
        assertThat(end.goingOn()).isPositive();
    }

    @Test
    void a_user_without_the_review_figures_permission_gets_no_burn_down() {
        loginAs(company.user("maria"), Role.MANAGER);
        assertThatThrownBy(() -> bean(ReviewCharts.class).burnDown(30, ZoneOffset.UTC)).isInstanceOf(AccessDeniedException.class);
    }

    private Campaign launchTwoStages() {
        Instant now = Instant.now();
        Campaign draft = campaigns.create(new CampaignForm("Charted ERP review", null, List.of(erp.id()), null, false, false, List.of(),
                company.user("fiona"), CampaignForm.NoResponse.RECOMMENDATION, now,
                List.of(new CampaignForm.Stage(ReviewerRule.MANAGER, null, now.plus(Duration.ofDays(7))),
                        new CampaignForm.Stage(ReviewerRule.SYSTEM_OWNER, null, now.plus(Duration.ofDays(14)))), StageRule.REVOKE_IF_ANY, null, null,
                CampaignForm.NoResponse.RECOMMENDATION, CampaignForm.DEFAULT_ESCALATION_DAYS));
        return campaigns.launch(draft.id(), draft.version());
    }
}
