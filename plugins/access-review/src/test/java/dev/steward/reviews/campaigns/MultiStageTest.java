package dev.steward.reviews.campaigns;

import dev.steward.reviews.CompanyTestBase;
import dev.steward.platform.security.Role;
import dev.steward.reviews.campaigns.CampaignForm.ReviewerRule;
import dev.steward.reviews.campaigns.CampaignForm.StageRule;
import dev.steward.reviews.decisions.ReviewDecisions;
import dev.steward.reviews.decisions.ReviewDecisions.Decision;
import dev.steward.reviews.decisions.ReviewItem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.security.access.AccessDeniedException;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Two-stage campaigns over the fixture's ERP (owned by Jane): stage 1 by managers, stage 2 by the system owner. In
 * stage 1 Maria bulk-approves Jane's GL_VIEW, approves dormant Olaf and revokes terminated Al; the rest is left to the
 * no-response rule (follow the recommendation: Jane's SoD pair and the orphan revoked, Maria's admin access kept).
 */
class MultiStageTest extends CompanyTestBase {

    @Override
    protected Long erpOwner() {
        return company.jane;
    }

    CampaignStages stages;

    @BeforeEach
    void anErpOwnedByJane() {
        stages = bean(CampaignStages.class);
    }

    private Campaign launchTwoStages(StageRule rule) {
        Instant now = Instant.now();
        Campaign draft = campaigns.create(new CampaignForm("Two-stage ERP review", null, List.of(erp.id()), null, false, false, List.of(),
                company.user("fiona"), CampaignForm.NoResponse.RECOMMENDATION, now,
                List.of(new CampaignForm.Stage(ReviewerRule.MANAGER, null, now.plus(Duration.ofDays(7))),
                        new CampaignForm.Stage(ReviewerRule.SYSTEM_OWNER, null, now.plus(Duration.ofDays(14)))), rule, null, null,
                // privileged or flagged items follow the recommendation too (the default would revoke them)
                CampaignForm.NoResponse.RECOMMENDATION, CampaignForm.DEFAULT_ESCALATION_DAYS));
        return campaigns.launch(draft.id(), draft.version());
    }

    private Campaign current(Campaign c) {
        return campaigns.find(c.id()).orElseThrow();
    }

    private List<String> atStage(Campaign c, int stage) {
        return dsl.fetch("select account_name || ':' || entitlement || ':' || reviewer || ':' || coalesce(routed_to_fallback, '-')"
                + " || ':' || outcome from reviews.review_item where campaign_id = ? and stage = ? order by 1", c.id(), stage)
                .getValues(0, String.class);
    }

    @Test
    void approved_items_go_on_to_the_system_owner_revokes_are_final_and_the_owner_never_reviews_her_own_access() {
        Campaign campaign = launchTwoStages(StageRule.REVOKE_IF_ANY);
        assertThat(campaign.stageCount()).isEqualTo(2);
        assertThat(campaign.currentStage()).isEqualTo(1);
        mariasDecisions(company);

        StagePreview preview = stages.preview(campaign.id());
        assertThat(preview.systems()).extracting(StagePreview.SystemLine::undecided, StagePreview.SystemLine::revokedByRule,
                StagePreview.SystemLine::goingOn, StagePreview.SystemLine::finalApproved, StagePreview.SystemLine::finalRevoked)
                .containsExactly(tuple(4, 3, 3, 0, 4));
        StagePreview applied = stages.advance(campaign.id(), current(campaign).version());
        assertThat(applied).isEqualTo(preview);
        assertThat(current(campaign).currentStage()).isEqualTo(2);

        String fiona = company.user("fiona");
        String jane = company.user("jane");
        assertThat(atStage(campaign, 2)).containsExactly(
                "jdoe:GL_VIEW:" + fiona + ":self-review:PENDING", // Jane owns the ERP: her own access goes to the fallback
                "mmanager:ADMIN:" + jane + ":-:PENDING",
                "olaf:GL_VIEW:" + jane + ":-:PENDING");
        assertThat(atStage(campaign, 1)).containsExactly(
                "asmith:GL_VIEW:" + company.user("maria") + ":-:REVOKED",
                "ghost:GL_VIEW:" + fiona + ":no reviewer:REVOKED",
                "jdoe:AP_APPROVER:" + company.user("maria") + ":-:REVOKED",
                "jdoe:AP_CLERK:" + company.user("maria") + ":-:REVOKED");

        // stage 1 is over: Maria's queue is empty and her decisions are frozen
        loginAs(company.user("maria"), Role.MANAGER);
        ReviewDecisions decisions = bean(ReviewDecisions.class);
        assertThat(decisions.myQueue(false)).isEmpty();
        long al = dsl.fetchValue("select id from reviews.review_item where campaign_id = ? and account_name = 'asmith'", campaign.id()) instanceof Long id ? id : -1;
        assertThatThrownBy(() -> decisions.decide(al, 1, Decision.APPROVE, "changed my mind")).hasMessageContaining("Stage 1 of this campaign has ended");

        // Jane, the system owner, revokes Olaf in stage 2; the rest is kept at close by the recommendation
        loginAs(jane, Role.MANAGER);
        List<ReviewItem> janes = decisions.myQueue(true);
        assertThat(janes).extracting(ReviewItem::accountName).containsExactlyInAnyOrder("mmanager", "olaf");
        ReviewItem olaf = item(janes, "olaf", "GL_VIEW");
        // the second stage's reviewer sees what the first decided, and why
        assertThat(olaf.stage()).isEqualTo(2);
        assertThat(olaf.earlierStages()).isEqualTo("Stage 1: approved by " + company.user("maria") + " (Back from leave in January)");
        assertThat(item(janes, "mmanager", "ADMIN").earlierStages()).isEqualTo("Stage 1: approved by no-response rule"
                + " (Undecided at the end of stage 1 (privileged or flagged): follow the recommendation)");
        decisions.decide(olaf.id(), olaf.version(), Decision.REVOKE, "Dormant for a year; request again when back");
        loginAs("ivy", Role.SECURITY_ANALYST);
        campaigns.close(campaign.id(), current(campaign).version());

        assertThat(dsl.fetch("select account_name || ':' || entitlement || ':' || outcome from reviews.review_item where campaign_id = ?"
                + " order by 1", campaign.id()).getValues(0, String.class)).containsExactly(
                "asmith:GL_VIEW:REVOKED", "ghost:GL_VIEW:REVOKED", "jdoe:AP_APPROVER:REVOKED", "jdoe:AP_CLERK:REVOKED",
                "jdoe:GL_VIEW:APPROVED", "mmanager:ADMIN:APPROVED", "olaf:GL_VIEW:REVOKED");
        // Olaf's history shows both stages
        assertThat(dsl.fetch("select e.stage || ':' || e.action || ':' || e.actor from reviews.item_event e join reviews.review_item i"
                + " on i.id = e.item_id where i.campaign_id = ? and i.account_name = 'olaf' order by e.id", campaign.id())
                .getValues(0, String.class)).containsExactly("1:APPROVE:" + company.user("maria"), "2:NEXT_STAGE:ivy", "2:REVOKE:" + jane);
        assertThat(dsl.fetchCount(org.jooq.impl.DSL.table("reviews.remediation"), org.jooq.impl.DSL.condition("campaign_id = ?", campaign.id())))
                .isEqualTo(5);
    }

    @ParameterizedTest
    @CsvSource({
            "APPROVE_IF_ANY, asmith:GL_VIEW ghost:GL_VIEW jdoe:AP_APPROVER jdoe:AP_CLERK",
            "LAST_STAGE_DECIDES, asmith:GL_VIEW ghost:GL_VIEW jdoe:AP_APPROVER jdoe:AP_CLERK jdoe:GL_VIEW mmanager:ADMIN olaf:GL_VIEW"})
    void the_stage_rule_decides_which_items_go_on(StageRule rule, String goingOn) {
        Campaign campaign = launchTwoStages(rule);
        mariasDecisions(company);
        stages.advance(campaign.id(), current(campaign).version());
        assertThat(atStage(campaign, 2)).map(line -> line.substring(0, line.indexOf(':', line.indexOf(':') + 1)))
                .containsExactlyElementsOf(Arrays.asList(goingOn.split(" ")));
    }

    @Test
    void stages_are_validated_only_owners_advance_and_the_last_stage_cannot_advance() {
        Instant now = Instant.now();
        assertThatThrownBy(() -> campaigns.create(new CampaignForm("Bad", null, List.of(erp.id()), null, false, false, List.of(),
                company.user("fiona"), CampaignForm.NoResponse.KEEP, now,
                List.of(new CampaignForm.Stage(ReviewerRule.MANAGER, null, now.plus(Duration.ofDays(7))),
                        new CampaignForm.Stage(ReviewerRule.NAMED, " ", now.plus(Duration.ofDays(3))),
                        new CampaignForm.Stage(ReviewerRule.MANAGER, null, now.plus(Duration.ofDays(20))),
                        new CampaignForm.Stage(ReviewerRule.MANAGER, null, now.plus(Duration.ofDays(30)))), StageRule.REVOKE_IF_ANY,
                List.of(3, 45, 3), null, CampaignForm.NoResponse.REVOKE, CampaignForm.DEFAULT_ESCALATION_DAYS)))
                .hasMessageContaining("A campaign has one to 3 review stages")
                .hasMessageContaining("Name the reviewer for stage 2")
                .hasMessageContaining("Stage 2 must be due after stage 1")
                .hasMessageContaining("Reminders are given in days before the due date, from 0 to 30")
                .isInstanceOfSatisfying(dev.steward.platform.validation.InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(dev.steward.platform.validation.InvalidInputException.Problem::field)
                        .containsExactly("stages", "stage2.namedReviewer", "stage2.dueAt", "reminderDays"));

        Campaign campaign = launchTwoStages(StageRule.REVOKE_IF_ANY);
        loginAs(company.user("maria"), Role.MANAGER);
        assertThatThrownBy(() -> stages.advance(campaign.id(), current(campaign).version())).isInstanceOf(AccessDeniedException.class);
        loginAs("ivy", Role.SECURITY_ANALYST);
        mariasDecisions(company);
        stages.advance(campaign.id(), current(campaign).version());
        assertThatThrownBy(() -> stages.advance(campaign.id(), current(campaign).version()))
                .hasMessageContaining("Stage 2 is the campaign's last; close the campaign instead");
    }
}
