package dev.steward.reviews.integration;

import dev.steward.platform.inventory.PersonalDataMap;
import dev.steward.platform.security.Role;
import dev.steward.platform.spi.PersonalDataHolders.DataHolder;
import dev.steward.platform.spi.PersonalDataHolders.HolderKind;
import dev.steward.platform.spi.PersonalDataHolders.SubjectKeys;
import dev.steward.platform.spi.PersonalDataHolders.SubjectRecord;
import dev.steward.reviews.ReviewsTestBase;
import dev.steward.reviews.systems.JoinRule;
import dev.steward.reviews.systems.SystemInfo;
import dev.steward.reviews.systems.SystemService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/** The organisation's systems on the platform's map of personal data, and an individual's current accounts in them. */
class PersonalDataInSystemsTest extends ReviewsTestBase {

    @Autowired
    PersonalDataMap map;

    final String suffix = UUID.randomUUID().toString().substring(0, 6);
    SystemInfo crm;
    SystemInfo wiki;
    SystemInfo badges;

    @BeforeEach
    void systemsWithAccounts() {
        loginAs("ivy", Role.SECURITY_ANALYST);
        SystemService systems = bean(SystemService.class);
        crm = system("CRM " + suffix);
        wiki = systems.save(new SystemInfo(null, "wiki-" + suffix, "Wiki " + suffix, null, SystemInfo.Criticality.LOW, false, null, 0));
        badges = systems.save(new SystemInfo(null, "badges-" + suffix, "Badges " + suffix, null, SystemInfo.Criticality.LOW, true, null,
                JoinRule.ACCOUNT_IS_EMPLOYEE_ID, 0));
        importCsv(crm, HEADER
                + "ann" + suffix + ",USER,E-" + suffix + ",Ann-" + suffix + "@Example.org,Ann Archer " + suffix + ",2026-03-01T09:00:00Z\n"
                + "bob" + suffix + ",USER,B-" + suffix + ",bob-" + suffix + "@example.org,Bob Baker " + suffix + ",\n"
                + "old" + suffix + ",USER,,ann-" + suffix + "@example.org,,\n");
        importCsv(crm, HEADER
                + "ann" + suffix + ",USER,E-" + suffix + ",Ann-" + suffix + "@Example.org,Ann Archer " + suffix + ",2026-03-01T09:00:00Z\n"
                + "bob" + suffix + ",USER,B-" + suffix + ",bob-" + suffix + "@example.org,Bob Baker " + suffix + ",\n");
        importCsv(wiki, HEADER + "annie" + suffix + ",EDITOR,,,ANN ARCHER " + suffix + ",\n");
        importCsv(badges, HEADER + "e-" + suffix + ",DOOR,,,,\n");
    }

    @Test
    void systems_marked_as_holding_personal_data_are_own_systems_of_unknown_categories() {
        assertThat(map.holders()).filteredOn(h -> h.type().equals("reviews.system"))
                .extracting(DataHolder::id).contains(id(crm), id(badges)).doesNotContain(id(wiki));
        DataHolder holder = map.holders().stream().filter(h -> h.id().equals(id(crm)) && h.type().equals("reviews.system")).findFirst().orElseThrow();
        assertThat(holder.kind()).isEqualTo(HolderKind.OWN_SYSTEM);
        assertThat(holder.dataCategories()).isEmpty();
        assertThat(holder.name()).isEqualTo(crm.name());
    }

    @Test
    void current_accounts_are_found_by_email_in_any_case_with_what_they_hold() {
        List<SubjectRecord> found = map.recordsAbout(new SubjectKeys("ANN-" + suffix + "@example.ORG", null, null));
        assertThat(found).extracting(SubjectRecord::holderId, SubjectRecord::holderName, SubjectRecord::recordName)
                .containsExactly(tuple(id(crm), crm.name(), "ann" + suffix));
        assertThat(found.getFirst().dataPoints()).containsExactly(Map.entry("Email", "Ann-" + suffix + "@Example.org"),
                Map.entry("Employee ID", "E-" + suffix), Map.entry("Display name", "Ann Archer " + suffix),
                Map.entry("Last login", "2026-03-01T09:00:00Z"));
    }

    @Test
    void current_accounts_are_found_by_employee_id_and_by_account_name_where_it_is_the_employee_id() {
        assertThat(map.recordsAbout(new SubjectKeys(null, "E-" + suffix, null)))
                .extracting(SubjectRecord::holderId, SubjectRecord::recordName)
                .containsExactly(tuple(id(badges), "e-" + suffix), tuple(id(crm), "ann" + suffix));
    }

    @Test
    void current_accounts_are_found_by_display_name_exactly_in_any_case_in_every_system() {
        assertThat(map.recordsAbout(new SubjectKeys(null, null, "ann archer " + suffix)))
                .extracting(SubjectRecord::holderId, SubjectRecord::recordName)
                .containsExactly(tuple(id(crm), "ann" + suffix), tuple(id(wiki), "annie" + suffix));
        assertThat(map.recordsAbout(new SubjectKeys(null, null, "Ann " + suffix))).isEmpty();
    }

    @Test
    void an_account_removed_by_a_later_import_is_not_found() {
        assertThat(map.recordsAbout(new SubjectKeys("ann-" + suffix + "@example.org", null, null)))
                .extracting(SubjectRecord::recordName).doesNotContain("old" + suffix);
    }

    @Test
    void an_account_matching_several_keys_is_found_once() {
        assertThat(map.recordsAbout(new SubjectKeys("ann-" + suffix + "@example.org", "E-" + suffix, "Ann Archer " + suffix)))
                .extracting(SubjectRecord::recordName).containsExactly("e-" + suffix, "ann" + suffix, "annie" + suffix);
    }

    private static String id(SystemInfo system) {
        return system.id().toString();
    }
}
