package dev.steward.reviews.campaigns;

import dev.steward.platform.security.Role;
import dev.steward.platform.validation.ConcurrentChangeException;
import dev.steward.platform.validation.InvalidInputException;
import dev.steward.reviews.CompanyTestBase;
import dev.steward.reviews.decisions.ReviewDecisions;
import dev.steward.reviews.decisions.ReviewItem;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

/**
 * Privileged and flagged items are never kept silently: they escalate past their due date (reviewer's manager, then the
 * fallback), and undecided at the end they follow the campaign's rule for them (revoke unless the owner says otherwise).
 * Drafts can be changed until launched.
 */
class SensitiveItemsTest extends CompanyTestBase {

    @Autowired
    dev.steward.platform.deadlines.DeadlineService deadlines;

    private CampaignForm form(String name, CampaignForm.ReviewerRule rule, String named, CampaignForm.NoResponse plain,
                              CampaignForm.NoResponse sensitive, int escalationDays) {
        return new CampaignForm(name, null, List.of(erp.id()), null, false, false, List.of(), company.user("fiona"), plain,
                Instant.now(), List.of(new CampaignForm.Stage(rule, named, Instant.now().plus(Duration.ofDays(14)))),
                CampaignForm.StageRule.REVOKE_IF_ANY, CampaignForm.DEFAULT_REMINDER_DAYS, CampaignForm.Escalation.REVIEWER_MANAGER,
                sensitive, escalationDays);
    }

    private Campaign launch(CampaignForm form) {
        Campaign draft = campaigns.create(form);
        return campaigns.launch(draft.id(), draft.version());
    }

    private Map<String, String> reviewers(Campaign campaign) {
        return dsl.fetch("select account_name || ' ' || entitlement item, reviewer || ' L' || escalation_level who"
                        + " from reviews.review_item where campaign_id = ?", campaign.id()).stream()
                .collect(Collectors.toMap(r -> r.get("item", String.class), r -> r.get("who", String.class)));
    }

    private String history(Campaign campaign, String account, String entitlement, String action) {
        return dsl.fetchValue("select string_agg(e.detail, ' | ' order by e.id) from reviews.item_event e join reviews.review_item i"
                + " on i.id = e.item_id where i.campaign_id = ? and i.account_name = ? and i.entitlement = ? and e.action = ?",
                campaign.id(), account, entitlement, action) instanceof String s ? s : null;
    }

    @Test
    void undecided_privileged_and_flagged_items_are_revoked_at_close_by_default_and_the_preview_says_so() {
        Campaign campaign = launch(CampaignForm.oneStage("Q4 ERP review", null, List.of(erp.id()), null, false, false, List.of(),
                CampaignForm.ReviewerRule.MANAGER, null, company.user("fiona"), CampaignForm.NoResponse.KEEP, Instant.now(),
                Instant.now().plus(Duration.ofDays(14))));
        assertThat(campaign.definition().sensitiveNoResponse()).isEqualTo(CampaignForm.NoResponse.REVOKE);

        ClosePreview preview = campaigns.closePreview(campaign.id());
        // 7 undecided: Jane's plain GL_VIEW is kept by the no-response rule; the 6 privileged or flagged are revoked
        assertThat(preview.wouldKeep()).isEqualTo(1);
        assertThat(preview.wouldRevoke()).isEqualTo(6);
        assertThat(preview.sensitiveUndecided()).isEqualTo(6);
        assertThat(preview.sensitiveWouldKeep()).isZero();

        Campaign current = campaigns.find(campaign.id()).orElseThrow();
        assertThat(campaigns.close(current.id(), current.version())).isEqualTo(preview);
        assertThat(dsl.fetchValue("select outcome from reviews.review_item where campaign_id = ? and account_name = 'mmanager'",
                campaign.id())).isEqualTo("REVOKED");
        assertThat(history(campaign, "mmanager", "ADMIN", "REVOKE")).isEqualTo("Undecided at close (privileged or flagged): revoke the access");
        assertThat(history(campaign, "jdoe", "GL_VIEW", "APPROVE")).isEqualTo("Undecided at close: keep the access");
    }

    @Test
    void an_owner_who_keeps_sensitive_items_sees_in_the_preview_how_many_stay_unreviewed() {
        Campaign campaign = launch(form("Keep all", CampaignForm.ReviewerRule.MANAGER, null, CampaignForm.NoResponse.KEEP,
                CampaignForm.NoResponse.KEEP, 3));
        ClosePreview preview = campaigns.closePreview(campaign.id());
        assertThat(preview.wouldRevoke()).isZero();
        assertThat(preview.sensitiveWouldKeep()).isEqualTo(6);
        assertThat(preview.systems()).singleElement().extracting(ClosePreview.SystemLine::sensitiveUndecided).isEqualTo(6);
    }

    @Test
    void past_the_due_date_sensitive_items_go_to_the_reviewers_manager_then_to_the_fallback_never_to_the_holder() {
        // Jane reviews everything; her manager is Maria. Maria's own admin access must not go to Maria.
        Campaign campaign = launch(form("Named review", CampaignForm.ReviewerRule.NAMED, company.user("jane"),
                CampaignForm.NoResponse.KEEP, CampaignForm.NoResponse.REVOKE, 3));
        String jane = company.user("jane");
        String maria = company.user("maria");
        String fiona = company.user("fiona");
        loginAs(jane, Role.MANAGER);
        ReviewDecisions decisions = bean(ReviewDecisions.class);
        ReviewItem olaf = item(decisions.myQueue(true), "olaf", "GL_VIEW");
        decisions.decide(olaf.id(), olaf.version(), ReviewDecisions.Decision.APPROVE, "Back from leave in January");
        loginAs("ivy", Role.SECURITY_ANALYST);
        SensitiveEscalation escalation = bean(SensitiveEscalation.class);

        assertThat(escalation.escalateDue(Instant.now()).perCampaign()).as("nothing is due yet").doesNotContainKey(campaign.id());
        dsl.execute("update reviews.campaign_stage set due_at = now() - interval '1 hour' where campaign_id = ?", campaign.id());
        Instant now = Instant.now();
        SensitiveEscalation.Moves moves = escalation.escalateDue(now);

        assertThat(moves.perCampaign().get(campaign.id())).containsOnly(entry(maria, 2), entry(fiona, 1));
        assertThat(reviewers(campaign)).containsOnly(
                entry("asmith GL_VIEW", maria + " L1"),   // terminated: to Jane's manager
                entry("ghost GL_VIEW", maria + " L1"),    // orphan: to Jane's manager
                entry("olaf GL_VIEW", jane + " L0"),      // decided in time: stays
                entry("mmanager ADMIN", fiona + " L2"),   // Maria's own access: past her, to the fallback
                entry("jdoe AP_CLERK", fiona + " L2"),    // Jane's own access went to the fallback at launch: stays there
                entry("jdoe AP_APPROVER", fiona + " L2"),
                entry("jdoe GL_VIEW", fiona + " L0"));    // plain: never escalated
        assertThat(history(campaign, "ghost", "GL_VIEW", "ESCALATE"))
                .isEqualTo(jane + " → " + maria + ": undecided privileged or flagged item past its due date (to the reviewer's manager)");
        assertThat(history(campaign, "jdoe", "AP_CLERK", "ESCALATE"))
                .isEqualTo("Undecided privileged or flagged item: stays with " + fiona + ", the last level");
        assertThat(dsl.fetchCount(org.jooq.impl.DSL.table("platform.notification"),
                org.jooq.impl.DSL.condition("kind = 'reviews.escalated' and recipient = ?", maria))).isEqualTo(1);
        assertThat(escalation.escalateDue(now).perCampaign()).as("a second run at the same time moves nothing").doesNotContainKey(campaign.id());

        // Maria's escalated items are a deadline of their own, due three days later
        loginAs(maria, Role.MANAGER);
        assertThat(deadlines.myWork(ZoneOffset.UTC)).filteredOn(w -> w.deadline().key().endsWith(":reviewer:" + maria + ":escalated"))
                .singleElement().satisfies(w -> assertThat(w.deadline().due()).isBetween(now.plus(Duration.ofDays(3)).minusSeconds(1),
                        now.plus(Duration.ofDays(3)).plusSeconds(1)));
        assertThat(bean(ReviewDecisions.class).myQueue(true)).extracting(ReviewItem::accountName, ReviewItem::escalationLevel)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("asmith", 1), org.assertj.core.groups.Tuple.tuple("ghost", 1));

        // still undecided after the escalation days: to the fallback, the last level
        loginAs("ivy", Role.SECURITY_ANALYST);
        assertThat(escalation.escalateDue(now.plus(Duration.ofDays(2))).perCampaign()).doesNotContainKey(campaign.id());
        assertThat(escalation.escalateDue(now.plus(Duration.ofDays(3))).perCampaign().get(campaign.id())).containsOnly(entry(fiona, 2));
        assertThat(reviewers(campaign)).containsEntry("asmith GL_VIEW", fiona + " L2").containsEntry("ghost GL_VIEW", fiona + " L2");
        assertThat(escalation.escalateDue(now.plus(Duration.ofDays(30))).perCampaign()).doesNotContainKey(campaign.id());
    }

    @Test
    void a_draft_is_edited_until_it_is_launched_and_bad_changes_change_nothing() {
        Campaign draft = campaigns.create(form("Draft", CampaignForm.ReviewerRule.MANAGER, null, CampaignForm.NoResponse.KEEP,
                CampaignForm.NoResponse.REVOKE, 3));
        Instant start = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS); // as the database keeps it
        Instant due1 = start.plus(Duration.ofDays(10));
        Instant due2 = start.plus(Duration.ofDays(20));
        CampaignForm twoStages = new CampaignForm("Draft, two stages", "Quarterly", List.of(erp.id()), "%GL%", false, true, List.of(),
                company.user("fiona"), CampaignForm.NoResponse.RECOMMENDATION, start,
                List.of(new CampaignForm.Stage(CampaignForm.ReviewerRule.MANAGER, null, due1),
                        new CampaignForm.Stage(CampaignForm.ReviewerRule.NAMED, company.user("jane"), due2)),
                CampaignForm.StageRule.APPROVE_IF_ANY, List.of(7, 1), CampaignForm.Escalation.CAMPAIGN_OWNER,
                CampaignForm.NoResponse.KEEP, 5);
        Campaign edited = campaigns.update(draft.id(), draft.version(), twoStages);
        assertThat(edited.version()).isEqualTo(draft.version() + 1);
        assertThat(edited.name()).isEqualTo("Draft, two stages");
        assertThat(edited.definition()).isEqualTo(new CampaignForm("Draft, two stages", "Quarterly", List.of(erp.id()), "%GL%", false,
                true, List.of(), company.user("fiona"), CampaignForm.NoResponse.RECOMMENDATION, twoStages.startsAt(), twoStages.stages(),
                CampaignForm.StageRule.APPROVE_IF_ANY, List.of(7, 1), CampaignForm.Escalation.CAMPAIGN_OWNER, CampaignForm.NoResponse.KEEP, 5));

        // a stale version, a broken form: refused, nothing changed
        assertThatThrownBy(() -> campaigns.update(draft.id(), draft.version(), twoStages)).isInstanceOf(ConcurrentChangeException.class);
        CampaignForm badDays = form("Draft", CampaignForm.ReviewerRule.MANAGER, null, CampaignForm.NoResponse.KEEP,
                CampaignForm.NoResponse.REVOKE, 0);
        assertThatThrownBy(() -> campaigns.update(edited.id(), edited.version(), badDays))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(InvalidInputException.Problem::field).containsExactly("escalationDays"));
        assertThat(campaigns.find(draft.id()).orElseThrow()).isEqualTo(edited);

        // back to one stage: the second stage's record goes
        Campaign oneStage = campaigns.update(edited.id(), edited.version(), form("Draft", CampaignForm.ReviewerRule.MANAGER, null,
                CampaignForm.NoResponse.KEEP, CampaignForm.NoResponse.REVOKE, 3));
        assertThat(oneStage.definition().stages()).hasSize(1);
        assertThat(dsl.fetchCount(org.jooq.impl.DSL.table("reviews.campaign_stage"),
                org.jooq.impl.DSL.condition("campaign_id = ?", draft.id()))).isEqualTo(1);

        Campaign launched = campaigns.launch(oneStage.id(), oneStage.version());
        assertThatThrownBy(() -> campaigns.update(launched.id(), launched.version(), twoStages))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Only a draft can be edited");
    }
}
