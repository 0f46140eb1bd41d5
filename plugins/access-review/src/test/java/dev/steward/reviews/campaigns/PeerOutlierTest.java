package dev.steward.reviews.campaigns;

import dev.steward.reviews.ReviewsTestBase;
import dev.steward.platform.people.EmploymentStatus;
import dev.steward.platform.people.PeopleDirectory;
import dev.steward.platform.people.PersonForm;
import dev.steward.platform.security.Role;
import dev.steward.reviews.systems.SystemInfo;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Peer outliers: an entitlement held by fewer than one in ten of a person's peers, the people of the same org unit
 * or with the same job title (groups of five or more), is flagged and recommended for revocation.
 */
class PeerOutlierTest extends ReviewsTestBase {

    @Autowired
    PeopleDirectory people;
    @Autowired
    DSLContext dsl;

    final String suffix = UUID.randomUUID().toString().substring(0, 6);

    @Test
    void an_entitlement_few_peers_hold_is_flagged_in_a_department_and_among_people_with_the_same_title() {
        loginAs("hana", Role.ADMIN);
        long sales = people.saveOrgUnit(null, 0, "SALES-" + suffix, "Sales " + suffix, null);
        long small = people.saveOrgUnit(null, 0, "LEGAL-" + suffix, "Legal " + suffix, null);
        StringBuilder file = new StringBuilder(HEADER);
        for (int i = 1; i <= 11; i++) { // eleven sales people hold CRM_USER, one of them also CRM_EXPORT (1 of 11 < 10 %)
            String id = person("S" + i, sales, null);
            file.append(row("s" + i, "CRM_USER", id));
            if (i == 1) {
                file.append(row("s1", "CRM_EXPORT", id));
            }
        }
        for (int i = 1; i <= 11; i++) { // eleven accountants of no unit hold GL_VIEW, one also GL_POST_ANY
            String id = person("A" + i, null, "Accountant " + suffix);
            file.append(row("a" + i, "GL_VIEW", id));
            if (i == 1) {
                file.append(row("a1", "GL_POST_ANY", id));
            }
        }
        for (int i = 1; i <= 4; i++) { // a unit of four is too small to compare
            String id = person("L" + i, small, null);
            file.append(row("l" + i, "CRM_USER", id));
            if (i == 1) {
                file.append(row("l1", "CASE_ADMIN", id));
            }
        }
        loginAs("ivy", Role.SECURITY_ANALYST);
        SystemInfo crm = system("CRM");
        importCsv(crm, file.toString());

        CampaignService campaigns = bean(CampaignService.class);
        Campaign draft = campaigns.create(CampaignForm.oneStage("Peers " + suffix, null, List.of(crm.id()), null, false, false, List.of(),
                CampaignForm.ReviewerRule.MANAGER, null, "fiona", CampaignForm.NoResponse.KEEP, Instant.now(),
                Instant.now().plus(Duration.ofDays(14))));
        Campaign campaign = campaigns.launch(draft.id(), draft.version());

        assertThat(dsl.fetch("select account_name || ' · ' || entitlement from reviews.review_item where campaign_id = ?"
                + " and 'OUTLIER' = any(flags) and recommendation = 'REVOKE' and recommendation_reason = 'peer outlier'"
                + " order by 1", campaign.id()).getValues(0, String.class))
                .containsExactly("a1 · GL_POST_ANY", "s1 · CRM_EXPORT");
        assertThat(dsl.fetchCount(dsl.selectFrom("reviews.review_item").where("campaign_id = ? and cardinality(flags) > 0", campaign.id())))
                .isEqualTo(2);
    }

    private String person(String id, Long orgUnit, String title) {
        String employeeId = id + "-" + suffix;
        people.save(new PersonForm(null, 0, employeeId, "Person " + id + " " + suffix, id.toLowerCase() + "." + suffix + "@example.org",
                title, orgUnit, null, EmploymentStatus.ACTIVE, LocalDate.of(2020, 1, 1), null));
        return employeeId;
    }

    private static String row(String account, String entitlement, String employeeId) {
        return account + "," + entitlement + "," + employeeId + ",,," + "2026-11-20\n";
    }
}
