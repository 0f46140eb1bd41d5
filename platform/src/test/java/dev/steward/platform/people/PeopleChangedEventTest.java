package dev.steward.platform.people;

import dev.steward.platform.events.RecordingListener;
import dev.steward.platform.spi.PeopleChanged;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.test.context.support.WithMockUser;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import static dev.steward.platform.db.generated.Tables.ORG_UNIT;
import static dev.steward.platform.db.generated.Tables.PERSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The people directory tells the platform's listeners who moved to another org unit and who was terminated: once per
 * edit, once per whole import (however many rows), inside the change's transaction.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@Import(RecordingListener.Config.class)
@WithMockUser(username = "hr-admin", authorities = {"platform.people.manage", "platform.people.read"})
class PeopleChangedEventTest {

    @Autowired
    PeopleDirectory directory;
    @Autowired
    PeopleImport imports;
    @Autowired
    RecordingListener listener;
    @Autowired
    DSLContext dsl;

    @BeforeEach
    void clear() {
        listener.clear();
    }

    private long unit(String code) {
        return directory.saveOrgUnit(null, 0, code, code + " unit", null);
    }

    private PersonForm form(Long id, int version, String employeeId, Long unit, EmploymentStatus status) {
        LocalDate end = status == EmploymentStatus.TERMINATED ? LocalDate.of(2026, 11, 30) : null;
        return new PersonForm(id, version, employeeId, "Person " + employeeId, null, null, unit, null, status, LocalDate.of(2024, 1, 1), end);
    }

    @Test
    void an_edit_that_moves_a_person_publishes_one_move_and_other_edits_publish_nothing() {
        long finance = unit("FIN-E");
        long sales = unit("SALES-E");
        long ada = directory.save(form(null, 0, "EV-1", finance, EmploymentStatus.ACTIVE));
        directory.save(form(null, 0, "EV-2", null, EmploymentStatus.TERMINATED));
        assertThat(listener.people).as("new people, even terminated ones, are neither moves nor terminations").isEmpty();

        directory.save(form(ada, 0, "EV-1", sales, EmploymentStatus.ACTIVE));
        assertThat(listener.people).singleElement().satisfies(e -> {
            assertThat(e.source()).isEqualTo(PeopleChanged.Source.EDIT);
            assertThat(e.actor()).isEqualTo("hr-admin");
            assertThat(e.moves()).containsExactly(new PeopleChanged.Move(ada, finance, sales));
            assertThat(e.terminations()).isEmpty();
        });

        listener.clear();
        directory.save(new PersonForm(ada, 1, "EV-1", "Ada Renamed", null, "Analyst", sales, null, EmploymentStatus.LEAVE, null, null));
        assertThat(listener.people).as("a new name, title or status other than terminated is no event").isEmpty();

        directory.save(form(ada, 2, "EV-1", sales, EmploymentStatus.TERMINATED));
        assertThat(listener.people).singleElement().satisfies(e ->
                assertThat(e.terminations()).containsExactly(new PeopleChanged.Termination(ada, EmploymentStatus.LEAVE)));
    }

    @Test
    void a_listener_that_fails_undoes_the_edit_it_heard_of() {
        long from = unit("FIN-F");
        long to = unit("SALES-F");
        long bo = directory.save(form(null, 0, "EV-3", from, EmploymentStatus.ACTIVE));
        listener.failNext = new IllegalStateException("listener down");

        assertThatThrownBy(() -> directory.save(form(bo, 0, "EV-3", to, EmploymentStatus.ACTIVE))).hasMessage("listener down");
        assertThat(dsl.select(PERSON.ORG_UNIT_ID).from(PERSON).where(PERSON.ID.eq(bo)).fetchOne(PERSON.ORG_UNIT_ID))
                .as("the move and what listeners record of it commit together or not at all").isEqualTo(from);
    }

    @Test
    void an_import_publishes_its_moves_and_terminations_once_for_the_whole_file() {
        String header = "employee_id,full_name,email,title,org_unit,manager_employee_id,status,start_date,end_date\n";
        commit(header
                + "IM-1,Ann One,,,OPS-I,,active,2020-01-01,\n"
                + "IM-2,Ben Two,,,OPS-I,,active,2020-01-01,\n"
                + "IM-3,Cat Three,,,OPS-I,,leave,2020-01-01,\n"
                + "IM-4,Dan Four,,,,,active,2020-01-01,\n"
                + "IM-5,Eve Five,,,OPS-I,,active,2020-01-01,\n");
        assertThat(listener.people).as("a first import only adds people").isEmpty();

        commit(header
                + "IM-1,Ann One,,,SALES-I,,active,2020-01-01,\n"          // moved (to a new org unit)
                + "IM-2,Ben Two,,,SALES-I,,terminated,2020-01-01,2026-11-30\n" // moved and terminated
                + "IM-3,Cat Three,,,OPS-I,,terminated,2020-01-01,2026-11-30\n" // terminated
                + "IM-4,Dan Four,,,OPS-I,,active,2020-01-01,\n"           // a first org unit: not a move
                + "IM-5,Eve Five,,,OPS-I,,active,2020-01-01,\n"           // unchanged
                + "IM-6,Fay Six,,,OPS-I,,terminated,2020-01-01,2026-11-30\n"); // added already terminated
        long ops = dsl.select(ORG_UNIT.ID).from(ORG_UNIT).where(ORG_UNIT.CODE.eq("OPS-I")).fetchSingle(ORG_UNIT.ID);
        long sales = dsl.select(ORG_UNIT.ID).from(ORG_UNIT).where(ORG_UNIT.CODE.eq("SALES-I")).fetchSingle(ORG_UNIT.ID);
        assertThat(listener.people).singleElement().satisfies(e -> {
            assertThat(e.source()).isEqualTo(PeopleChanged.Source.IMPORT);
            assertThat(e.detail()).isEqualTo("people.csv");
            assertThat(e.moves()).containsExactlyInAnyOrder(new PeopleChanged.Move(id("IM-1"), ops, sales),
                    new PeopleChanged.Move(id("IM-2"), ops, sales));
            assertThat(e.terminations()).containsExactlyInAnyOrder(new PeopleChanged.Termination(id("IM-2"), EmploymentStatus.ACTIVE),
                    new PeopleChanged.Termination(id("IM-3"), EmploymentStatus.LEAVE));
        });
    }

    private void commit(String csv) {
        ImportPlan plan = imports.prepare(csv.getBytes(StandardCharsets.UTF_8), "people.csv", ImportProgress.NONE, () -> false);
        assertThat(plan.errors()).isEmpty();
        imports.commit(plan);
    }

    private long id(String employeeId) {
        return dsl.select(PERSON.ID).from(PERSON).where(PERSON.EMPLOYEE_ID.eq(employeeId)).fetchSingle(PERSON.ID);
    }
}
