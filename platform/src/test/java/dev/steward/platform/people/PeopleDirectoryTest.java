package dev.steward.platform.people;

import org.jooq.DSLContext;
import dev.steward.platform.validation.ConcurrentChangeException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;

import java.time.LocalDate;

import static dev.steward.platform.db.generated.Tables.AUDIT_LOG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@WithMockUser(username = "po", authorities = {"platform.people.manage", "platform.people.read"})
class PeopleDirectoryTest {

    @Autowired
    PeopleDirectory directory;
    @Autowired
    DSLContext dsl;

    private long create(String employeeId, String name, Long managerId) {
        return directory.save(new PersonForm(null, 0, employeeId, name, employeeId.toLowerCase() + "@example.org", null,
                null, managerId, EmploymentStatus.ACTIVE, LocalDate.of(2024, 1, 1), null));
    }

    @Test
    void a_saved_person_is_found_by_any_words_of_name_id_or_email_and_the_change_is_audited() {
        long boss = create("D-1", "Grace Hopper", null);
        long id = create("D-2", "Alan Turing", boss);
        Person alan = directory.find(id).orElseThrow();
        assertThat(alan.managerName()).isEqualTo("Grace Hopper");
        assertThat(directory.page(new PersonFilter("turing d-2", null, null), PeopleDirectory.Sort.NAME, false, 0, 10))
                .extracting(Person::fullName).containsExactly("Alan Turing");
        assertThat(directory.count(new PersonFilter("d-2@example", null, null))).isEqualTo(1);
        assertThat(dsl.fetchExists(AUDIT_LOG, AUDIT_LOG.ENTITY_TYPE.eq("person").and(AUDIT_LOG.ENTITY_ID.eq(String.valueOf(id)))
                .and(AUDIT_LOG.ACTION.eq("CREATE")).and(AUDIT_LOG.ACTOR.eq("po")))).isTrue();
    }

    @Test
    void a_stale_save_is_refused_and_keeps_the_other_users_change() {
        long id = create("D-3", "Katherine Johnson", null);
        PersonForm seenByBoth = PersonForm.of(directory.find(id).orElseThrow());
        directory.save(new PersonForm(id, seenByBoth.version(), "D-3", "Katherine G. Johnson", null, null, null, null,
                EmploymentStatus.ACTIVE, null, null));
        assertThatThrownBy(() -> directory.save(new PersonForm(id, seenByBoth.version(), "D-3", "K. Johnson", null, null,
                null, null, EmploymentStatus.ACTIVE, null, null)))
                .isInstanceOf(ConcurrentChangeException.class).hasMessageContaining("Someone else changed this person");
        assertThat(directory.find(id).orElseThrow().fullName()).isEqualTo("Katherine G. Johnson");
    }

    @Test
    void a_manager_chain_cannot_loop() {
        long top = create("D-4", "Top", null);
        long middle = create("D-5", "Middle", top);
        long bottom = create("D-6", "Bottom", middle);
        Person topPerson = directory.find(top).orElseThrow();
        assertThatThrownBy(() -> directory.save(new PersonForm(top, topPerson.version(), "D-4", "Top", null, null, null,
                bottom, EmploymentStatus.ACTIVE, null, null)))
                .isInstanceOf(InvalidPersonException.class).hasMessageContaining("a manager chain cannot loop");
    }

    @Test
    void invalid_fields_are_all_reported_with_their_field() {
        assertThatThrownBy(() -> directory.save(new PersonForm(null, 0, "bad id!", "", "nope", null, null, null,
                EmploymentStatus.TERMINATED, null, null)))
                .isInstanceOfSatisfying(InvalidPersonException.class, e -> assertThat(e.problems())
                        .extracting(p -> p[0]).containsExactly("employeeId", "fullName", "email", "endDate"));
    }

    @Test
    void a_taken_employee_id_is_refused() {
        create("D-7", "First", null);
        assertThatThrownBy(() -> create("D-7", "Second", null)).hasMessage("Employee id D-7 belongs to someone else");
    }

    @Test
    @WithMockUser(username = "mona", authorities = "platform.people.read")
    void reading_needs_people_read_and_editing_needs_people_manage() {
        assertThat(directory.count(PersonFilter.none())).isGreaterThanOrEqualTo(0);
        assertThatThrownBy(() -> create("D-8", "Nope", null)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void an_org_unit_cannot_sit_below_itself() {
        long parent = directory.saveOrgUnit(null, 0, "OPS", "Operations", null);
        long child = directory.saveOrgUnit(null, 0, "OPS-EU", "Operations Europe", parent);
        assertThatThrownBy(() -> directory.saveOrgUnit(parent, 0, "OPS", "Operations", child))
                .hasMessage("An org unit cannot sit below itself");
    }
}
