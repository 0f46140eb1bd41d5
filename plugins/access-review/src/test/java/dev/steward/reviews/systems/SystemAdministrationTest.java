package dev.steward.reviews.systems;

import dev.steward.reviews.ReviewsTestBase;
import dev.steward.platform.people.EmploymentStatus;
import dev.steward.platform.people.PeopleDirectory;
import dev.steward.platform.people.PersonForm;
import dev.steward.platform.security.Role;
import dev.steward.platform.validation.InvalidInputException;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An access-review administrator sets a system's owner, marks entitlements privileged (one by one or by rule), keeps SoD rules. */
class SystemAdministrationTest extends ReviewsTestBase {

    @Autowired
    DSLContext dsl;
    @Autowired
    PeopleDirectory people;

    final String suffix = UUID.randomUUID().toString().substring(0, 6);
    SystemInfo erp;
    SystemInfo crm;
    SystemService systems;
    Entitlements entitlements;
    SodRules rules;

    @BeforeEach
    void twoSystems() {
        loginAs("ivy", Role.SECURITY_ANALYST);
        systems = bean(SystemService.class);
        entitlements = bean(Entitlements.class);
        rules = bean(SodRules.class);
        erp = system("ERP " + suffix);
        crm = system("CRM " + suffix);
        importCsv(erp, HEADER
                + "ann,AP_CLERK,,,,\nann,AP_APPROVER,,,,\nann,APP_ADMIN,,,,\nbob,AP_CLERK,,,,\nbob,DB_ADMIN,,,,\n"
                + "cid,SUPERADMIN,,,,\ncid,ADMIN_CONSOLE,,,,\ncid,GL_VIEW,,,,\n");
        importCsv(crm, HEADER + "ann,CRM_USER,,,,\n");
    }

    @Test
    void the_owner_is_picked_from_the_people_directory_and_must_exist() {
        loginAs("setup", Role.ADMIN);
        long olga = people.save(new PersonForm(null, 0, "O-" + suffix, "Olga Owner " + suffix, "olga-" + suffix + "@example.org", null,
                null, null, EmploymentStatus.ACTIVE, null, null));
        loginAs("ivy", Role.SECURITY_ANALYST);

        List<PersonChoice> found = systems.ownerCandidates("olga " + suffix, 0, 10);
        assertThat(found).extracting(PersonChoice::label).containsExactly("Olga Owner " + suffix + " · olga-" + suffix + "@example.org");
        assertThat(systems.ownerCandidates("nobody-like-this-" + suffix, 0, 10)).isEmpty();

        SystemInfo owned = systems.save(withOwner(erp, olga));
        assertThat(owned.ownerPersonId()).isEqualTo(olga);
        assertThat(systems.ownerNames()).containsEntry(erp.id(), "Olga Owner " + suffix);
        assertThat(systems.person(olga)).map(PersonChoice::id).contains(olga);

        assertThatThrownBy(() -> systems.save(withOwner(owned, 987_654_321L)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems().getFirst().field()).isEqualTo("owner"))
                .hasMessage("The owner (person #987654321) is not in the people directory; pick the owner from the list");
        assertThat(systems.byCode(erp.code()).orElseThrow().ownerPersonId()).isEqualTo(olga);
    }

    @Test
    void the_entitlement_list_counts_current_holders_filters_by_name_and_marks_one_privileged_with_an_audit_entry() {
        assertThat(entitlements.count(erp.id(), null)).isEqualTo(7);
        assertThat(entitlements.list(erp.id(), "ap_", 0, 10)).extracting(EntitlementRow::name, EntitlementRow::holders)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("AP_APPROVER", 1L), org.assertj.core.groups.Tuple.tuple("AP_CLERK", 2L));
        assertThat(entitlements.names(erp.id(), "admin", 0, 10)).containsExactly("ADMIN_CONSOLE", "APP_ADMIN", "DB_ADMIN", "SUPERADMIN");

        systems.setPrivileged(erp.id(), "AP_APPROVER", true);
        EntitlementRow approver = entitlements.list(erp.id(), "AP_APPROVER", 0, 1).getFirst();
        assertThat(approver.privileged()).isTrue();
        assertThat(approver.version()).isEqualTo(1);
        assertThat(rows("select 1 from platform.audit_log where module = 'reviews' and entity_type = 'entitlement'"
                + " and entity_id = ? and action = 'UPDATE' and actor = 'ivy'", String.valueOf(approver.id()))).isEqualTo(1);
    }

    @Test
    void marking_by_rule_changes_exactly_what_the_preview_counted_in_one_audited_statement() {
        systems.setPrivileged(erp.id(), "ADMIN_CONSOLE", true);
        PrivilegedRulePreview preview = entitlements.previewPrivilegedRule(erp.id(), "%admin%");
        assertThat(preview.matching()).isEqualTo(4);
        assertThat(preview.toMark()).isEqualTo(3);
        assertThat(preview.sample()).containsExactly("APP_ADMIN", "DB_ADMIN", "SUPERADMIN");

        int marked = entitlements.markPrivilegedByRule(erp.id(), "%admin%");
        assertThat(marked).isEqualTo(preview.toMark());
        assertThat(entitlements.list(erp.id(), "admin", 0, 10)).allMatch(EntitlementRow::privileged);
        assertThat(entitlements.list(erp.id(), "AP_", 0, 10)).noneMatch(EntitlementRow::privileged);
        assertThat(entitlements.list(crm.id(), null, 0, 10)).noneMatch(EntitlementRow::privileged);
        String audit = (String) dsl.fetchValue("select after_data from platform.audit_log where module = 'reviews' and entity_type = 'system'"
                + " and entity_id = ? and action = 'MARK_PRIVILEGED_BY_RULE' and actor = 'ivy'", String.valueOf(erp.id()));
        assertThat(audit).contains("\"marked\":3", "%admin%", "APP_ADMIN", "DB_ADMIN", "SUPERADMIN").doesNotContain("ADMIN_CONSOLE");

        assertThat(entitlements.previewPrivilegedRule(erp.id(), "*ADMIN*").toMark()).isZero();
        assertThat(entitlements.markPrivilegedByRule(erp.id(), "*ADMIN*")).isZero();
        assertThat(rows("select 1 from platform.audit_log where action = 'MARK_PRIVILEGED_BY_RULE' and entity_id = ?",
                String.valueOf(erp.id()))).isEqualTo(1);
    }

    @Test
    void a_rule_pattern_must_name_something() {
        assertThatThrownBy(() -> entitlements.markPrivilegedByRule(erp.id(), " ")).hasMessage("Enter a name pattern, e.g. %ADMIN%");
        assertThatThrownBy(() -> entitlements.markPrivilegedByRule(erp.id(), "%%_"))
                .hasMessage("A pattern of only % and _ would mark every entitlement; include part of the name, e.g. %ADMIN%");
        assertThatThrownBy(() -> entitlements.previewPrivilegedRule(987_654_321L, "%A%")).hasMessage("The system no longer exists");
        assertThat(entitlements.list(erp.id(), null, 0, 10)).noneMatch(EntitlementRow::privileged);
    }

    @Test
    void sod_rules_need_known_different_entitlements_once_and_deleting_one_is_audited() {
        int before = rows("select 1 from reviews.sod_rule");
        assertThatThrownBy(() -> rules.add(" ", erp.id(), "AP_CLERK", erp.id(), "AP_APPROVER", null))
                .hasMessage("Give the rule a name, e.g. \"Create and approve payments\"");
        assertThatThrownBy(() -> rules.add("Pay", erp.id(), "AP_CLERKS", erp.id(), "AP_APPROVER", null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems().getFirst().field()).isEqualTo("entitlementA"))
                .hasMessage(erp.name() + " has no entitlement AP_CLERKS (entitlements come from its imports)");
        assertThatThrownBy(() -> rules.add("Pay", erp.id(), "AP_CLERK", crm.id(), "AP_APPROVER", null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems().getFirst().field()).isEqualTo("entitlementB"))
                .hasMessage(crm.name() + " has no entitlement AP_APPROVER (entitlements come from its imports)");
        assertThatThrownBy(() -> rules.add("Pay", erp.id(), "AP_CLERK", erp.id(), "AP_CLERK", null))
                .hasMessage("Entitlement B is the same as entitlement A; a rule pairs two different entitlements");
        assertThatThrownBy(() -> rules.add("Pay", 987_654_321L, "AP_CLERK", erp.id(), "AP_CLERK", null))
                .hasMessage("Choose system A from the list");
        assertThatThrownBy(() -> rules.add("Pay", erp.id(), "", erp.id(), "AP_CLERK", null)).hasMessage("Choose entitlement A");
        assertThat(rows("select 1 from reviews.sod_rule")).isEqualTo(before);

        long id = rules.add(" Create and approve payments ", erp.id(), "AP_CLERK", erp.id(), "AP_APPROVER", "Four eyes");
        long across = rules.add("ERP admin with CRM", erp.id(), "APP_ADMIN", crm.id(), "CRM_USER", null);
        assertThatThrownBy(() -> rules.add("Again", erp.id(), "AP_APPROVER", erp.id(), "AP_CLERK", null))
                .hasMessage("The rule \"Create and approve payments\" already pairs these two entitlements");
        List<SodRule> listed = rules.list(crm.id());
        assertThat(listed).extracting(SodRule::id).containsExactly(across);
        assertThat(listed.getFirst().sideA()).isEqualTo(erp.name() + " · APP_ADMIN");
        assertThat(listed.getFirst().sideB()).isEqualTo(crm.name() + " · CRM_USER");
        assertThat(rules.list(null)).extracting(SodRule::name).contains("Create and approve payments", "ERP admin with CRM");

        loginAs("audrey", Role.AUDITOR);
        assertThat(rules.list(erp.id())).hasSize(2);
        loginAs("ivy", Role.SECURITY_ANALYST);
        rules.delete(id);
        assertThat(rules.list(erp.id())).extracting(SodRule::id).containsExactly(across);
        assertThat(rows("select 1 from platform.audit_log where module = 'reviews' and entity_type = 'sod_rule'"
                + " and entity_id = ? and action = 'DELETE' and before_data like '%AP_APPROVER%'", String.valueOf(id))).isEqualTo(1);
        assertThatThrownBy(() -> rules.delete(id)).hasMessage("The rule no longer exists");
    }

    private int rows(String sql, Object... args) {
        return ((Number) dsl.fetchValue("select count(*) from (" + sql + ") x", args)).intValue();
    }

    private static SystemInfo withOwner(SystemInfo s, Long owner) {
        return new SystemInfo(s.id(), s.code(), s.name(), owner, s.criticality(), s.personalData(), s.dormantAfterDays(), s.version());
    }
}
