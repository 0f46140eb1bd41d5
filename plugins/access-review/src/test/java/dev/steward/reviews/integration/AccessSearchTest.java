package dev.steward.reviews.integration;

import dev.steward.reviews.ReviewsTestBase;
import dev.steward.platform.people.EmploymentStatus;
import dev.steward.platform.people.PeopleDirectory;
import dev.steward.platform.people.PersonForm;
import dev.steward.platform.search.SearchService;
import dev.steward.platform.security.Role;
import dev.steward.platform.spi.SearchProvider.SearchHit;
import dev.steward.reviews.systems.SystemInfo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Global search over who has access now: by the account's own details or by the person it belongs to; readers only. */
class AccessSearchTest extends ReviewsTestBase {

    static final String GROUP = "Access (current imports)";

    @Autowired
    SearchService search;
    @Autowired
    PeopleDirectory people;

    final String suffix = UUID.randomUUID().toString().substring(0, 6);
    SystemInfo erp;

    @BeforeEach
    void accountsOfKnownPeople() {
        loginAs("setup", Role.ADMIN);
        people.save(new PersonForm(null, 0, "Q-" + suffix, "Quentin Zephyr" + suffix, "quentin-" + suffix + "@example.org", null, null, null,
                EmploymentStatus.ACTIVE, null, null));
        people.save(new PersonForm(null, 0, "W-" + suffix, "Wilma Yarrow" + suffix, "wilma-" + suffix + "@example.org", null, null, null,
                EmploymentStatus.ACTIVE, null, null));
        loginAs("ivy", Role.SECURITY_ANALYST);
        erp = system("ERP " + suffix);
        importCsv(erp, HEADER
                + "qz" + suffix + ",AP_CLERK,Q-" + suffix + ",,,\n"
                + "qz" + suffix + ",GL_VIEW,Q-" + suffix + ",,,\n"
                // no employee id: joined to Wilma by email
                + "wy" + suffix + ",GL_VIEW,,WILMA-" + suffix + "@example.org,W. Yarrow,\n"
                + "gone" + suffix + ",GL_VIEW,,,Gone Soon,\n");
        importCsv(erp, HEADER
                + "qz" + suffix + ",AP_CLERK,Q-" + suffix + ",,,\n"
                + "qz" + suffix + ",GL_VIEW,Q-" + suffix + ",,,\n"
                + "wy" + suffix + ",GL_VIEW,,WILMA-" + suffix + "@example.org,W. Yarrow,\n");
    }

    @Test
    void finds_a_current_account_by_its_name_with_its_entitlement_count() {
        assertThat(hits("qz" + suffix)).containsExactly(new SearchHit("qz" + suffix + " · " + erp.name(),
                "Quentin Zephyr" + suffix + " · Q-" + suffix + " · 2 entitlements", "reviews/systems?history=" + erp.id()));
    }

    @Test
    void the_entitlement_count_is_the_latest_imports() {
        importCsv(erp, HEADER
                + "qz" + suffix + ",AP_CLERK,Q-" + suffix + ",,,\n"
                + "qz" + suffix + ",PAYROLL,Q-" + suffix + ",,,\n"
                + "qz" + suffix + ",TREASURY,Q-" + suffix + ",,,\n"
                + "wy" + suffix + ",GL_VIEW,,WILMA-" + suffix + "@example.org,W. Yarrow,\n");
        assertThat(hits("qz" + suffix)).extracting(SearchHit::detail).containsExactly("Quentin Zephyr" + suffix + " · Q-" + suffix
                + " · 3 entitlements");
    }

    @Test
    void finds_accounts_by_the_name_of_their_person_joined_by_employee_id_else_email() {
        assertThat(hits("zephyr" + suffix)).extracting(SearchHit::title).containsExactly("qz" + suffix + " · " + erp.name());
        assertThat(hits("yarrow" + suffix)).extracting(SearchHit::title, SearchHit::detail)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("wy" + suffix + " · " + erp.name(), "Wilma Yarrow" + suffix + " · 1 entitlement"));
        assertThat(hits("quentin-" + suffix + "@example")).hasSize(1);
    }

    @Test
    void people_are_matched_to_accounts_by_each_systems_join_rule() {
        SystemInfo mail = bean(dev.steward.reviews.systems.SystemService.class).save(new SystemInfo(null, "mail-" + suffix, "Mail " + suffix,
                null, SystemInfo.Criticality.LOW, true, null, dev.steward.reviews.systems.JoinRule.ACCOUNT_IS_EMAIL_LOCAL_PART, 0));
        // the mailbox carries Quentin's employee id, but this system matches by the name before the @ of Wilma's address
        importCsv(mail, HEADER + "Wilma-" + suffix + ",MAILBOX,Q-" + suffix + ",,,\n");
        assertThat(hits("yarrow" + suffix)).extracting(SearchHit::title, SearchHit::detail).contains(
                org.assertj.core.groups.Tuple.tuple("Wilma-" + suffix + " · " + mail.name(), "Wilma Yarrow" + suffix + " · Q-" + suffix
                        + " · 1 entitlement"));
        assertThat(hits("zephyr" + suffix)).extracting(SearchHit::title).doesNotContain("Wilma-" + suffix + " · " + mail.name());
    }

    @Test
    void accounts_no_longer_in_the_latest_import_are_not_found() {
        assertThat(hits("gone" + suffix)).isEmpty();
    }

    @Test
    void auditors_find_access_and_managers_without_read_do_not() {
        loginAs("audrey", Role.AUDITOR);
        assertThat(hits("qz" + suffix)).hasSize(1);
        loginAs("max", Role.MANAGER);
        assertThat(search.search("qz" + suffix, 10)).noneMatch(g -> g.name().equals(GROUP));
    }

    private List<SearchHit> hits(String text) {
        return search.search(text, 10).stream().filter(g -> g.name().equals(GROUP)).findFirst()
                .map(g -> {
                    assertThat(g.problem()).isNull();
                    return g.hits();
                }).orElse(List.of());
    }
}
