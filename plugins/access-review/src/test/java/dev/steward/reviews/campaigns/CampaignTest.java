package dev.steward.reviews.campaigns;

import dev.steward.reviews.CompanyTestBase;
import dev.steward.platform.security.Role;
import dev.steward.reviews.decisions.ReviewDecisions;
import dev.steward.reviews.decisions.ReviewDecisions.Decision;
import dev.steward.reviews.decisions.ReviewItem;
import dev.steward.reviews.integration.ReviewStats;
import dev.steward.reviews.imports.ImportResult;
import dev.steward.reviews.systems.SystemInfo;
import dev.steward.reviews.systems.SystemService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class CampaignTest extends CompanyTestBase {

    @Autowired
    dev.steward.platform.deadlines.DeadlineService deadlines;

    private Campaign launch(CampaignForm.ReviewerRule rule, CampaignForm.NoResponse noResponse) {
        Campaign draft = campaigns.create(CampaignForm.oneStage("Q4 ERP review", null, List.of(erp.id()), null, false, false, List.of(),
                rule, null, company.user("fiona"), noResponse, Instant.now(), Instant.now().plus(Duration.ofDays(14))));
        return campaigns.launch(draft.id(), draft.version());
    }

    /** A campaign whose privileged or flagged items follow {@code sensitive} instead of the default (revoke). */
    private Campaign launch(CampaignForm.ReviewerRule rule, CampaignForm.NoResponse noResponse, CampaignForm.NoResponse sensitive) {
        Campaign draft = campaigns.create(CampaignForm.oneStage("Q4 ERP review", null, List.of(erp.id()), null, false, false, List.of(),
                rule, null, company.user("fiona"), noResponse, Instant.now(), Instant.now().plus(Duration.ofDays(14)))
                .withSensitiveNoResponse(sensitive));
        return campaigns.launch(draft.id(), draft.version());
    }

    private List<Map<String, Object>> items(Campaign campaign) {
        return dsl.fetch("select account_name, entitlement, reviewer, routed_to_fallback, recommendation, recommendation_reason,"
                + " array_to_string(flags, ',') flags from reviews.review_item where campaign_id = ? order by account_name, entitlement",
                campaign.id()).intoMaps();
    }

    @Test
    void launch_freezes_exactly_the_expected_items_reviewers_fallbacks_flags_and_recommendations() {
        Campaign campaign = launch(CampaignForm.ReviewerRule.MANAGER, CampaignForm.NoResponse.RECOMMENDATION);

        assertThat(campaign.items()).isEqualTo(7);
        assertThat(items(campaign)).extracting(r -> r.get("account_name"), r -> r.get("entitlement"), r -> r.get("reviewer"),
                r -> r.get("routed_to_fallback"), r -> r.get("recommendation"), r -> r.get("recommendation_reason"), r -> r.get("flags"))
                .containsExactly(
                        tuple("asmith", "GL_VIEW", company.user("maria"), null, "REVOKE", "terminated", "TERMINATED"),
                        tuple("ghost", "GL_VIEW", company.user("fiona"), "no reviewer", "REVOKE", "orphan account", "ORPHAN"),
                        tuple("jdoe", "AP_APPROVER", company.user("maria"), null, "REVOKE", "SoD conflict", "SOD"),
                        tuple("jdoe", "AP_CLERK", company.user("maria"), null, "REVOKE", "SoD conflict", "SOD"),
                        tuple("jdoe", "GL_VIEW", company.user("maria"), null, "APPROVE", null, ""),
                        tuple("mmanager", "ADMIN", company.user("fiona"), "no reviewer", "APPROVE", null, "PRIVILEGED"),
                        tuple("olaf", "GL_VIEW", company.user("maria"), null, "REVOKE", "dormant", "DORMANT"));
    }

    @Test
    void how_an_entitlement_was_granted_comes_from_the_file_follows_later_imports_and_is_frozen_into_the_items() {
        String file = company.erpFile().replace("last_login\n", "last_login,granted_via\n").replace("\n", ",\n")
                .replace("last_login,granted_via,\n", "last_login,granted_via\n")
                .replace("jdoe,GL_VIEW," + company.employee("J") + ",,Jane,2026-11-20,", "jdoe,GL_VIEW," + company.employee("J")
                        + ",,Jane,2026-11-20,role Finance clerk");
        importCsv(erp, file);
        assertThat(dsl.fetchValue("select granted_via from reviews.access_grant where system_id = ? and account_name = 'jdoe'"
                + " and entitlement = 'GL_VIEW' and removed_import is null", erp.id())).isEqualTo("role Finance clerk");

        Campaign campaign = launch(CampaignForm.ReviewerRule.MANAGER, CampaignForm.NoResponse.KEEP);
        importCsv(erp, file.replace("role Finance clerk", "direct"));
        assertThat(dsl.fetchValue("select granted_via from reviews.access_grant where system_id = ? and account_name = 'jdoe'"
                + " and entitlement = 'GL_VIEW' and removed_import is null", erp.id())).isEqualTo("direct");

        loginAs(company.user("maria"), Role.MANAGER);
        List<ReviewItem> queue = bean(ReviewDecisions.class).myQueue(true);
        assertThat(item(queue, "jdoe", "GL_VIEW").grantedVia()).isEqualTo("role Finance clerk");
        assertThat(item(queue, "jdoe", "AP_CLERK").grantedVia()).isNull();
        assertThat(queue).allMatch(i -> i.campaignId() == campaign.id());
    }

    @Test
    void the_campaign_item_grid_pages_in_id_order_with_and_without_filters() {
        Campaign campaign = launch(CampaignForm.ReviewerRule.MANAGER, CampaignForm.NoResponse.KEEP);
        var items = bean(dev.steward.reviews.decisions.CampaignItems.class);
        var none = dev.steward.reviews.decisions.CampaignItems.Filter.none();
        List<Long> all = items.page(campaign.id(), none, 0, 100).stream().map(ReviewItem::id).toList();
        assertThat(all).hasSize(campaign.items()).isSorted();
        assertThat(items.page(campaign.id(), none, 2, 3)).extracting(ReviewItem::id).containsExactlyElementsOf(all.subList(2, 5));
        var flagged = new dev.steward.reviews.decisions.CampaignItems.Filter(null, null, null, true);
        List<Long> flaggedIds = items.page(campaign.id(), flagged, 0, 100).stream().map(ReviewItem::id).toList();
        assertThat(flaggedIds).hasSize(6).isSorted();
        assertThat(items.page(campaign.id(), flagged, 1, 2)).extracting(ReviewItem::id).containsExactlyElementsOf(flaggedIds.subList(1, 3));
        assertThat(items.page(campaign.id(), flagged, 6, 10)).isEmpty();
    }

    @Test
    void a_reviewer_never_reviews_their_own_access_and_later_imports_do_not_change_a_launched_campaign() {
        SystemService systems = bean(SystemService.class);
        systems.save(new SystemInfo(erp.id(), erp.code(), erp.name(), company.maria, erp.criticality(), true, 90, erp.version()));
        Campaign campaign = launch(CampaignForm.ReviewerRule.SYSTEM_OWNER, CampaignForm.NoResponse.KEEP);

        Map<String, Object> own = items(campaign).stream().filter(r -> r.get("account_name").equals("mmanager")).findFirst().orElseThrow();
        assertThat(own.get("reviewer")).isEqualTo(company.user("fiona"));
        assertThat(own.get("routed_to_fallback")).isEqualTo("self-review");
        assertThat(items(campaign)).filteredOn(r -> !r.get("account_name").equals("mmanager"))
                .allMatch(r -> r.get("reviewer").equals(company.user("maria")));

        importCsv(erp, HEADER + "newbie,GL_VIEW,,,New,\n");
        assertThat(items(campaign)).hasSize(7);
    }

    @Test
    void a_manager_sees_only_their_items_comments_are_required_where_it_matters_and_bulk_only_for_plain_items() {
        launch(CampaignForm.ReviewerRule.MANAGER, CampaignForm.NoResponse.KEEP);
        ReviewDecisions decisions = bean(ReviewDecisions.class);
        loginAs(company.user("maria"), Role.MANAGER);
        List<ReviewItem> queue = decisions.myQueue(true);
        assertThat(queue).hasSize(5).allMatch(i -> i.reviewer().equals(company.user("maria")));
        assertThat(queue).extracting(ReviewItem::accountName).doesNotContain("ghost", "mmanager");

        ReviewItem sod = queue.stream().filter(i -> i.entitlement().equals("AP_CLERK")).findFirst().orElseThrow();
        assertThatThrownBy(() -> decisions.decide(sod.id(), sod.version(), Decision.APPROVE, ""))
                .hasMessageContaining("flagged (sod): say why it stays");
        ReviewItem plain = queue.stream().filter(i -> i.accountName().equals("jdoe") && i.entitlement().equals("GL_VIEW")).findFirst().orElseThrow();
        assertThatThrownBy(() -> decisions.approveAll(List.of(plain.id(), sod.id())))
                .hasMessage("1 of the selected items are flagged or privileged: decide them one by one, with a comment");
        assertThat(decisions.approveAll(List.of(plain.id()))).isEqualTo(1);
        assertThatThrownBy(() -> decisions.decide(sod.id(), sod.version(), Decision.REVOKE, " "))
                .hasMessageContaining("Say why the access is revoked");
        decisions.decide(sod.id(), sod.version(), Decision.REVOKE, "Jane moved to GL; AP approver is enough");
        assertThat(decisions.myProgress()).isEqualTo(new ReviewDecisions.Progress(5, 2));

        // another reviewer's item cannot be touched or even seen
        long ghost = ((Number) dsl.fetchValue("select id from reviews.review_item where account_name = 'ghost' order by id desc limit 1")).longValue();
        assertThatThrownBy(() -> decisions.decide(ghost, 0, Decision.APPROVE, "x")).isInstanceOf(AccessDeniedException.class);

        // reassigning moves the item out of the queue; nobody gets their own access
        ReviewItem olaf = queue.stream().filter(i -> i.accountName().equals("olaf")).findFirst().orElseThrow();
        assertThatThrownBy(() -> decisions.reassign(plainItem(queue, "asmith").id(), plainItem(queue, "asmith").version(),
                company.user("maria"), "x", false)).hasMessageContaining("already in");
        decisions.reassign(olaf.id(), olaf.version(), company.user("jane"), "Jane knows Olaf's work", false);
        assertThat(decisions.myQueue(true)).extracting(ReviewItem::accountName).doesNotContain("olaf");
        loginAs(company.user("jane"), Role.MANAGER);
        assertThat(decisions.myQueue(true)).extracting(ReviewItem::accountName).containsExactly("olaf");
    }

    @Test
    void the_close_preview_is_exactly_what_closing_does_and_revokes_become_remediation_verified_by_the_next_import() {
        Campaign campaign = launch(CampaignForm.ReviewerRule.MANAGER, CampaignForm.NoResponse.RECOMMENDATION,
                CampaignForm.NoResponse.RECOMMENDATION);
        ReviewDecisions decisions = bean(ReviewDecisions.class);
        loginAs(company.user("maria"), Role.MANAGER);
        ReviewItem jdoeGl = plainItem(decisions.myQueue(true), "jdoe", "GL_VIEW");
        decisions.decide(jdoeGl.id(), jdoeGl.version(), Decision.REVOKE, "Not needed any more");

        loginAs("ivy", Role.SECURITY_ANALYST);
        ClosePreview preview = campaigns.closePreview(campaign.id());
        assertThat(preview.wouldRevoke()).isEqualTo(5); // the five REVOKE recommendations among the undecided
        assertThat(preview.wouldKeep()).isEqualTo(1);   // Maria's admin access, recommended to approve
        assertThat(preview.sensitiveWouldKeep()).isEqualTo(1); // ... and privileged: the preview says it is kept unreviewed
        Campaign current = campaigns.find(campaign.id()).orElseThrow();
        ClosePreview applied = campaigns.close(current.id(), current.version());
        assertThat(applied).isEqualTo(preview);
        Map<String, Long> outcomes = dsl.fetch("select outcome, count(*) n from reviews.review_item where campaign_id = ? group by outcome",
                campaign.id()).stream().collect(Collectors.toMap(r -> r.get("outcome", String.class), r -> r.get("n", Long.class)));
        assertThat(outcomes).isEqualTo(Map.of("REVOKED", 6L, "APPROVED", 1L));
        assertThat(dsl.fetchCount(org.jooq.impl.DSL.table("reviews.remediation"), org.jooq.impl.DSL.condition("campaign_id = ?", campaign.id())))
                .isEqualTo(6);

        // the next import: jdoe's GL_VIEW and the orphan are gone, the rest is still there
        ImportResult next = importCsv(erp, company.erpFile().replace("jdoe,GL_VIEW," + company.employee("J") + ",,Jane,2026-11-20\n", "")
                .replace("ghost,GL_VIEW,,,Nobody,2026-11-20\n", ""));
        assertThat(next.verified()).isEqualTo(2);
        assertThat(next.notRemoved()).isEqualTo(4);
        assertThat(dsl.fetch("select account_name, status from reviews.remediation where campaign_id = ? order by account_name, entitlement",
                campaign.id()).map(r -> r.get(0) + ":" + r.get(1)))
                .containsExactly("asmith:NOT_REMOVED", "ghost:VERIFIED", "jdoe:NOT_REMOVED", "jdoe:NOT_REMOVED", "jdoe:VERIFIED", "olaf:NOT_REMOVED");
        assertThatThrownBy(() -> decisions.decide(jdoeGl.id(), jdoeGl.version() + 1, Decision.APPROVE, "late"))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void remediation_is_marked_exported_per_system_and_escalated_to_the_owner_when_the_access_is_still_there() {
        Campaign campaign = launch(CampaignForm.ReviewerRule.MANAGER, CampaignForm.NoResponse.REVOKE);
        Campaign current = campaigns.find(campaign.id()).orElseThrow();
        campaigns.close(current.id(), current.version());
        var remediation = bean(dev.steward.reviews.remediation.RemediationService.class);
        var open = remediation.list(erp.id(), dev.steward.reviews.remediation.RemediationItem.Status.OPEN, 0, 100);
        assertThat(open).hasSize(7);
        var olaf = open.stream().filter(i -> i.accountName().equals("olaf")).findFirst().orElseThrow();
        // done needs the ticket, failed the reason: refused without, nothing changes
        assertThatThrownBy(() -> remediation.mark(olaf.id(), olaf.version(), dev.steward.reviews.remediation.RemediationItem.Status.DONE, " "))
                .isInstanceOfSatisfying(dev.steward.platform.validation.InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.field() + ": " + p.message()).containsExactly("note: Give the ticket or change reference of the removal"));
        remediation.mark(olaf.id(), olaf.version(), dev.steward.reviews.remediation.RemediationItem.Status.DONE, "CHG-4711");
        var asmith = open.stream().filter(i -> i.accountName().equals("asmith")).findFirst().orElseThrow();
        remediation.mark(asmith.id(), asmith.version(), dev.steward.reviews.remediation.RemediationItem.Status.FAILED,
                "The ERP admin console refuses: the account owns open purchase orders");

        var csv = new java.io.ByteArrayOutputStream();
        remediation.exportOpen(erp.id(), csv);
        assertThat(csv.toString(java.nio.charset.StandardCharsets.UTF_8)).contains("remediation_id,system,account,entitlement")
                .contains("olaf,GL_VIEW").contains(",DONE,");

        int notices = dsl.fetchCount(org.jooq.impl.DSL.table("platform.notification"),
                org.jooq.impl.DSL.condition("kind = 'reviews.not-removed' and recipient = 'ivy'"));
        ImportResult next = importCsv(erp, company.erpFile()); // nothing was removed
        assertThat(next.notRemoved()).isEqualTo(7);
        assertThat(dsl.fetchCount(org.jooq.impl.DSL.table("platform.notification"),
                org.jooq.impl.DSL.condition("kind = 'reviews.not-removed' and recipient = 'ivy'"))).isEqualTo(notices + 1);
        // the failed mark is not overwritten by the import; the done one is, and both keep their history
        assertThat(remediation.list(erp.id(), null, 0, 100)).filteredOn(i -> i.accountName().equals("asmith")).singleElement()
                .extracting(i -> i.status()).isEqualTo(dev.steward.reviews.remediation.RemediationItem.Status.FAILED);
        assertThat(remediation.history(olaf.id())).extracting(m -> m.status() + " " + m.markedBy() + " " + m.note() + " " + m.snapshot())
                .containsExactly("DONE ivy CHG-4711 null", "NOT_REMOVED import Still in the snapshot " + next.number());
        // an unchanged re-import reports the revocations still present again, not zero
        assertThat(importCsv(erp, company.erpFile()).notRemoved()).isEqualTo(7);
        assertThatThrownBy(() -> remediation.mark(olaf.id(), olaf.version() + 1, dev.steward.reviews.remediation.RemediationItem.Status.VERIFIED, "x"))
                .hasMessageContaining("verification comes from the next import");
    }

    @Test
    void reviewers_have_a_deadline_on_my_work_until_they_are_done_and_the_dashboard_counts_their_items() {
        Campaign campaign = launch(CampaignForm.ReviewerRule.MANAGER, CampaignForm.NoResponse.KEEP);
        String key = "reviews:campaign:" + campaign.id() + ":stage:1:reviewer:" + company.user("maria");
        loginAs(company.user("maria"), Role.MANAGER);
        assertThat(deadlines.myWork(java.time.ZoneOffset.UTC)).extracting(w -> w.deadline().key()).contains(key);
        var stats = bean(dev.steward.reviews.integration.ReviewStats.class);
        assertThat(stats.myPending()).isEqualTo(5);
        loginAs("ivy", Role.SECURITY_ANALYST);
        assertThat(stats.overdueReviewers(50)).noneMatch(r -> r.campaign().equals(campaign.name()));
        dsl.execute("update reviews.campaign_stage set due_at = now() - interval '2 days' where campaign_id = ?", campaign.id());
        assertThat(stats.overdueReviewers(50)).filteredOn(r -> r.campaign().equals(campaign.name()))
                .extracting(r -> r.reviewer() + " " + r.pending()).containsExactlyInAnyOrder(company.user("maria") + " 5", company.user("fiona") + " 2");
        loginAs(company.user("maria"), Role.MANAGER);
        ReviewDecisions decisions = bean(ReviewDecisions.class);
        for (ReviewItem item : decisions.myQueue(true)) {
            decisions.decide(item.id(), item.version(), Decision.REVOKE, "Not needed");
        }
        assertThat(deadlines.myWork(java.time.ZoneOffset.UTC)).extracting(w -> w.deadline().key()).doesNotContain(key);
        assertThat(stats.myPending()).isZero();
        loginAs("ivy", Role.SECURITY_ANALYST);
        assertThat(stats.overdueReviewers(50)).filteredOn(r -> r.campaign().equals(campaign.name()))
                .extracting(ReviewStats.OverdueReviewer::reviewer).containsExactly(company.user("fiona"));
    }

    @Test
    void reviewers_are_reminded_on_the_campaigns_schedule_and_a_missed_stage_escalates_to_the_campaign_owner() {
        // escalations go only to accounts that may read the campaign: the owner Ivy is a real security analyst here
        var ivy = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
        loginAs("setup", Role.ADMIN);
        if (dsl.fetchCount(org.jooq.impl.DSL.table("platform.app_user"), org.jooq.impl.DSL.field("username").eq("ivy")) == 0) {
            users.create("ivy", "Ivy Owner", "ivy.owner@example.org", java.util.EnumSet.of(Role.SECURITY_ANALYST));
        }
        org.springframework.security.core.context.SecurityContextHolder.getContext().setAuthentication(ivy);
        Instant now = Instant.now();
        Campaign draft = campaigns.create(new CampaignForm("Reminded ERP review", null, List.of(erp.id()), null, false, false, List.of(),
                company.user("fiona"), CampaignForm.NoResponse.KEEP, now,
                List.of(new CampaignForm.Stage(CampaignForm.ReviewerRule.MANAGER, null, now.plus(Duration.ofDays(5)))),
                CampaignForm.StageRule.REVOKE_IF_ANY, List.of(7, 1), CampaignForm.Escalation.CAMPAIGN_OWNER, CampaignForm.NoResponse.REVOKE, CampaignForm.DEFAULT_ESCALATION_DAYS));
        Campaign campaign = campaigns.launch(draft.id(), draft.version());
        String key = "reviews:campaign:" + campaign.id() + ":stage:1:reviewer:" + company.user("maria");

        // five days ahead: the console's default (3 days) is not reached, the campaign's 7 days is
        reminders.runOnce(now.plusSeconds(60));
        assertThat(notices(key)).containsExactly("REMINDER:PT168H");
        reminders.runOnce(now.plus(Duration.ofDays(4)).plusSeconds(120));
        assertThat(notices(key)).containsExactlyInAnyOrder("REMINDER:PT168H", "REMINDER:PT24H");
        // missed: Maria hears it, and the campaign owner (Ivy) rather than the officers
        reminders.runOnce(now.plus(Duration.ofDays(5)).plusSeconds(180));
        assertThat(notices(key)).contains("ESCALATION");
        assertThat(dsl.fetch("select recipient from platform.notification where kind = 'deadlines.escalation' and title like ?",
                "Escalation: Reminded ERP review: % (owner " + company.user("maria") + ") is overdue").getValues(0, String.class))
                .containsExactly("ivy");
    }

    @Test
    void each_system_matches_its_accounts_to_people_by_its_own_join_rule() {
        SystemService systems = bean(SystemService.class);
        SystemInfo mail = systems.save(new SystemInfo(null, "mail-" + company.suffix, "Mail", null, SystemInfo.Criticality.LOW, true,
                null, dev.steward.reviews.systems.JoinRule.ACCOUNT_IS_EMAIL_LOCAL_PART, 0));
        SystemInfo hr = systems.save(new SystemInfo(null, "hr-" + company.suffix, "HR", null, SystemInfo.Criticality.LOW, true,
                null, dev.steward.reviews.systems.JoinRule.ACCOUNT_IS_EMPLOYEE_ID, 0));
        assertThat(systems.byCode("mail-" + company.suffix).orElseThrow().joinRule())
                .isEqualTo(dev.steward.reviews.systems.JoinRule.ACCOUNT_IS_EMAIL_LOCAL_PART);
        // the mailbox is named like Jane's address; the HR login is Olaf's employee id; the e-mail column is ignored there
        importCsv(mail, HEADER + "JANE-" + company.suffix + ",MAILBOX,,,,\nshared-inbox,MAILBOX,,,,\n");
        importCsv(hr, HEADER + company.employee("O") + ",HR_SELF_SERVICE,,maria-" + company.suffix + "@example.org,,\n");
        Campaign draft = campaigns.create(CampaignForm.oneStage("Mail and HR", null, List.of(mail.id(), hr.id()), null, false, false, List.of(),
                CampaignForm.ReviewerRule.MANAGER, null, company.user("fiona"), CampaignForm.NoResponse.KEEP, Instant.now(),
                Instant.now().plus(Duration.ofDays(14))));
        Campaign campaign = campaigns.launch(draft.id(), draft.version());
        assertThat(items(campaign)).extracting(r -> r.get("account_name"), r -> r.get("reviewer"), r -> r.get("flags"))
                .containsExactly(
                        tuple("JANE-" + company.suffix, company.user("maria"), ""),
                        tuple(company.employee("O"), company.user("maria"), ""),
                        tuple("shared-inbox", company.user("fiona"), "ORPHAN"));
    }

    @Autowired
    dev.steward.platform.deadlines.DeadlineReminders reminders;

    private List<String> notices(String key) {
        return dsl.fetch("select notice from platform.deadline_notice where deadline_key = ?", key).getValues(0, String.class);
    }

    private static ReviewItem plainItem(List<ReviewItem> queue, String account) {
        return queue.stream().filter(i -> i.accountName().equals(account)).findFirst().orElseThrow();
    }

    private static ReviewItem plainItem(List<ReviewItem> queue, String account, String entitlement) {
        return queue.stream().filter(i -> i.accountName().equals(account) && i.entitlement().equals(entitlement)).findFirst().orElseThrow();
    }
}
