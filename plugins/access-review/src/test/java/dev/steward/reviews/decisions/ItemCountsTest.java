package dev.steward.reviews.decisions;

import dev.steward.reviews.CompanyTestBase;
import dev.steward.platform.security.Role;
import dev.steward.reviews.campaigns.Campaign;
import dev.steward.reviews.campaigns.CampaignForm;
import dev.steward.reviews.campaigns.CampaignForm.ReviewerRule;
import dev.steward.reviews.campaigns.CampaignStages;
import dev.steward.reviews.decisions.ReviewDecisions.Decision;
import dev.steward.reviews.decisions.ReviewItem.Outcome;
import dev.steward.reviews.systems.SystemInfo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The campaign item grid's counts come from per-campaign counters (V17) and its pages from id ranges and keysets: after
 * every path that changes items (launch, single and bulk decisions, a changed decision, reassignment, stage advance,
 * close, and plain SQL) each count equals a COUNT(*) of the items, and every page equals the same slice of all items.
 */
class ItemCountsTest extends CompanyTestBase {

    @Override
    protected Long erpOwner() {
        return company.jane;
    }

    SystemInfo crm;
    CampaignItems items;

    @BeforeEach
    void twoSystems() {
        crm = system("CRM");
        importCsv(crm, HEADER
                + "jdoe,SALES," + company.employee("J") + ",,Jane,2026-11-20\n"
                + "asmith,SALES," + company.employee("A") + ",,Al,2026-11-20\n"
                + "olaf,SUPPORT,," + company.email("olaf") + ",Olaf,2026-11-20\n");
        items = bean(CampaignItems.class);
    }

    private Campaign launch(List<CampaignForm.Stage> stages) {
        Campaign draft = campaigns.create(new CampaignForm("Counted review", null, List.of(erp.id(), crm.id()), null, false, false, List.of(),
                company.user("fiona"), CampaignForm.NoResponse.RECOMMENDATION, Instant.now(), stages, CampaignForm.StageRule.REVOKE_IF_ANY,
                null, null, CampaignForm.NoResponse.REVOKE, CampaignForm.DEFAULT_ESCALATION_DAYS));
        return campaigns.launch(draft.id(), draft.version());
    }

    private static CampaignForm.Stage stage(ReviewerRule rule, int days) {
        return new CampaignForm.Stage(rule, null, Instant.now().plus(Duration.ofDays(days)));
    }

    @Test
    void every_count_equals_a_count_of_the_items_after_every_kind_of_change() {
        Campaign campaign = launch(List.of(stage(ReviewerRule.MANAGER, 7), stage(ReviewerRule.SYSTEM_OWNER, 14)));
        assertThat(campaign.items()).isEqualTo(10);
        assertCountsMatch(campaign, 10);

        String maria = company.user("maria");
        loginAs(maria, Role.MANAGER);
        ReviewDecisions decisions = bean(ReviewDecisions.class);
        List<ReviewItem> queue = decisions.myQueue(true);
        ReviewItem olaf = item(queue, "olaf", "GL_VIEW");
        decisions.decide(olaf.id(), olaf.version(), Decision.APPROVE, "Back in January");
        assertCountsMatch(campaign, 10);
        assertThat(countAsAdministrator(campaign, filter(null, Outcome.APPROVED, null, false))).isEqualTo(1);

        ReviewItem al = item(queue, "asmith", "GL_VIEW");
        decisions.decide(al.id(), al.version(), Decision.REVOKE, "Left");
        assertCountsMatch(campaign, 10);

        decisions.approveAll(List.of(item(queue, "jdoe", "GL_VIEW").id(), item(queue, "jdoe", "SALES").id(),
                item(queue, "olaf", "SUPPORT").id()));
        assertCountsMatch(campaign, 10);
        assertThat(countAsAdministrator(campaign, filter(crm.id(), Outcome.APPROVED, null, false))).isEqualTo(2);

        // a decision changed: approved, then revoked
        ReviewItem olafAgain = item(decisions.myQueue(false), "olaf", "GL_VIEW");
        decisions.decide(olafAgain.id(), olafAgain.version(), Decision.REVOKE, "Not back after all");
        assertCountsMatch(campaign, 10);

        ReviewItem clerk = item(queue, "jdoe", "AP_CLERK");
        decisions.reassign(clerk.id(), clerk.version(), company.user("fiona"), "Fiona knows the AP roles", false);
        assertCountsMatch(campaign, 10);
        assertThat(countAsAdministrator(campaign, filter(null, null, maria, false))).isEqualTo(7);

        loginAs("ivy", Role.SECURITY_ANALYST);
        bean(CampaignStages.class).advance(campaign.id(), campaigns.find(campaign.id()).orElseThrow().version());
        assertCountsMatch(campaign, 10);
        assertThat(items.count(campaign.id(), filter(null, Outcome.PENDING, null, false))).isPositive();

        campaigns.close(campaign.id(), campaigns.find(campaign.id()).orElseThrow().version());
        assertCountsMatch(campaign, 10);
        assertThat(items.count(campaign.id(), filter(null, Outcome.PENDING, null, false))).isZero();

        // any other statement too, and items written through the parent table
        dsl.execute("update reviews.review_item set outcome = 'PENDING', flags = '{}' where campaign_id = ? and account_name = 'ghost'",
                campaign.id());
        dsl.execute("insert into reviews.review_item (campaign_id, system_id, account_name, entitlement, privileged, flags, recommendation,"
                + " reviewer) values (?, ?, 'late', 'ROLE', false, '{ORPHAN}', 'REVOKE', 'nobody')", campaign.id(), crm.id());
        assertCountsMatch(campaign, 11);
        dsl.execute("delete from reviews.review_item where campaign_id = ? and account_name = 'late'", campaign.id());
        assertCountsMatch(campaign, 10);
    }

    @Test
    void pages_are_slices_of_all_items_in_id_order_whether_ids_are_consecutive_or_not() {
        Campaign first = launch(List.of(stage(ReviewerRule.MANAGER, 7)));
        List<ReviewItem> all = allItems(first);
        assertThat(all).hasSize(10).extracting(ReviewItem::id).isSorted();
        assertThat(all.getLast().id() - all.getFirst().id()).isEqualTo(9); // launched with consecutive ids
        assertPagesAreSlices(first, all);

        // a second campaign, then an item added to the first: its ids have a gap now, and pages skip rows again
        launch(List.of(stage(ReviewerRule.MANAGER, 7)));
        dsl.execute("insert into reviews.review_item (campaign_id, system_id, account_name, entitlement, privileged, recommendation,"
                + " reviewer) values (?, ?, 'late', 'ROLE', false, 'APPROVE', 'nobody')", first.id(), crm.id());
        List<ReviewItem> withGap = allItems(first);
        assertThat(withGap).hasSize(11).extracting(ReviewItem::accountName).last().isEqualTo("late");
        assertPagesAreSlices(first, withGap);
    }

    private List<ReviewItem> allItems(Campaign campaign) {
        var byId = items.pageAfter(campaign.id(), CampaignItems.Filter.none(), 0, 0, 1000).stream()
                .collect(java.util.stream.Collectors.toMap(ReviewItem::id, i -> i));
        List<Long> ids = dsl.fetch("select id from reviews.review_item where campaign_id = ? order by id", campaign.id()).getValues(0, Long.class);
        assertThat(byId.keySet()).containsExactlyInAnyOrderElementsOf(ids);
        return ids.stream().map(byId::get).toList();
    }

    /** Every page of 1 to 4 items at every offset, unfiltered and filtered, jumped to and scrolled through. */
    private void assertPagesAreSlices(Campaign campaign, List<ReviewItem> all) {
        List<CampaignItems.Filter> filters = List.of(CampaignItems.Filter.none(), filter(null, null, null, true), filter(erp.id(), null, null, false),
                filter(null, Outcome.PENDING, company.user("maria"), false));
        for (CampaignItems.Filter f : filters) {
            List<Long> expected = all.stream().filter(i -> matches(i, f)).map(ReviewItem::id).toList();
            for (int limit = 1; limit <= 4; limit++) {
                ItemPages scrolled = ItemPages.of(items, campaign.id(), f);
                List<Long> seen = new ArrayList<>();
                for (int offset = 0; offset <= expected.size(); offset += limit) {
                    List<Long> slice = expected.subList(offset, Math.min(expected.size(), offset + limit));
                    assertThat(items.page(campaign.id(), f, offset, limit)).extracting(ReviewItem::id).as("%s at %d", f, offset)
                            .containsExactlyElementsOf(slice);
                    List<ReviewItem> page = scrolled.page(offset, limit);
                    assertThat(page).extracting(ReviewItem::id).as("%s scrolled to %d", f, offset).containsExactlyElementsOf(slice);
                    page.forEach(i -> seen.add(i.id()));
                }
                assertThat(seen).isEqualTo(expected);
                // a jump back and forth within remembered pages
                ItemPages jumped = ItemPages.of(items, campaign.id(), f);
                for (int offset : new int[]{3, 0, 5, 2}) {
                    assertThat(jumped.page(offset, limit)).extracting(ReviewItem::id)
                            .containsExactlyElementsOf(expected.subList(Math.min(offset, expected.size()), Math.min(expected.size(), offset + limit)));
                }
            }
        }
    }

    private boolean matches(ReviewItem i, CampaignItems.Filter f) {
        return (f.systemId() == null || i.system().equals(f.systemId().equals(erp.id()) ? "ERP" : "CRM"))
                && (f.outcome() == null || i.outcome() == f.outcome())
                && (f.reviewer() == null || i.reviewer().equals(f.reviewer()))
                && (!f.flaggedOnly() || !i.flags().isEmpty());
    }

    private static CampaignItems.Filter filter(Long system, Outcome outcome, String reviewer, boolean flagged) {
        return new CampaignItems.Filter(system, outcome, reviewer, flagged);
    }

    /** Each count of the grid (every system, outcome and flag combination, and the reviewers') equals a COUNT(*). */
    private void assertCountsMatch(Campaign campaign, int total) {
        var reviewer = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
        loginAs("ivy", Role.SECURITY_ANALYST);
        try {
            assertCountsMatchAsAdministrator(campaign, total);
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.getContext().setAuthentication(reviewer);
        }
    }

    private int countAsAdministrator(Campaign campaign, CampaignItems.Filter f) {
        var reviewer = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
        loginAs("ivy", Role.SECURITY_ANALYST);
        try {
            return items.count(campaign.id(), f);
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.getContext().setAuthentication(reviewer);
        }
    }

    private void assertCountsMatchAsAdministrator(Campaign campaign, int total) {
        assertThat(items.count(campaign.id(), CampaignItems.Filter.none())).isEqualTo(total);
        List<String> reviewers = dsl.fetch("select distinct reviewer from reviews.review_item where campaign_id = ?", campaign.id())
                .getValues(0, String.class);
        for (Long system : new Long[]{null, erp.id(), crm.id()}) {
            for (Outcome outcome : new Outcome[]{null, Outcome.PENDING, Outcome.APPROVED, Outcome.REVOKED}) {
                for (boolean flagged : new boolean[]{false, true}) {
                    CampaignItems.Filter f = filter(system, outcome, null, flagged);
                    assertThat(items.count(campaign.id(), f)).as("count of %s", f).isEqualTo(countOfItems(campaign, f));
                }
            }
        }
        for (String reviewer : reviewers) {
            CampaignItems.Filter f = filter(null, Outcome.PENDING, reviewer, false);
            assertThat(items.count(campaign.id(), f)).as("count of %s", f).isEqualTo(countOfItems(campaign, f));
        }
        // and the counters themselves, group by group
        assertThat(dsl.fetch("select system_id || ':' || outcome || ':' || flagged || ':' || sum(items) from reviews.campaign_item_count"
                        + " where campaign_id = ? group by system_id, outcome, flagged having sum(items) <> 0 order by 1", campaign.id())
                .getValues(0, String.class))
                .isEqualTo(dsl.fetch("select system_id || ':' || outcome || ':' || (cardinality(flags) > 0) || ':' || count(*)"
                        + " from reviews.review_item where campaign_id = ? group by system_id, outcome, cardinality(flags) > 0 order by 1",
                        campaign.id()).getValues(0, String.class));
    }

    private int countOfItems(Campaign campaign, CampaignItems.Filter f) {
        return dsl.fetchCount(dsl.selectFrom("reviews.review_item").where("campaign_id = ?", campaign.id())
                .and(f.systemId() == null ? org.jooq.impl.DSL.noCondition() : org.jooq.impl.DSL.condition("system_id = ?", f.systemId()))
                .and(f.outcome() == null ? org.jooq.impl.DSL.noCondition() : org.jooq.impl.DSL.condition("outcome = ?", f.outcome().name()))
                .and(f.reviewer() == null ? org.jooq.impl.DSL.noCondition() : org.jooq.impl.DSL.condition("reviewer = ?", f.reviewer()))
                .and(f.flaggedOnly() ? org.jooq.impl.DSL.condition("cardinality(flags) > 0") : org.jooq.impl.DSL.noCondition()));
    }
}
