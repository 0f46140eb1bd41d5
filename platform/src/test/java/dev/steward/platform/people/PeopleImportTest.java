package dev.steward.platform.people;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.TestPropertySource;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import static dev.steward.platform.db.generated.Tables.AUDIT_LOG;
import static dev.steward.platform.db.generated.Tables.ORG_UNIT;
import static dev.steward.platform.db.generated.Tables.PERSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@WithMockUser(username = "hr-admin", authorities = {"platform.people.manage", "platform.people.read"})
class PeopleImportTest {

    static final String HEADER = "employee_id,full_name,email,title,org_unit,manager_employee_id,status,start_date,end_date\n";
    static final String GOOD = HEADER
            + "E100,Ada Boss,ada@example.org,CEO,EXEC,,active,2020-01-01,\n"
            + "E200,Bo Manager,bo@example.org,Head of Engineering,ENG,E100,active,2021-03-01,\n"
            + "E300,Cy Engineer,cy@example.org,Engineer,ENG,E200,leave,2022-06-15,\n"
            + "E400,Di Former,,Engineer,ENG,E200,terminated,2019-01-01,2024-12-31\n";

    @Autowired
    PeopleImport people;
    @Autowired
    DSLContext dsl;

    ImportPlan prepare(String csv) {
        return prepare(csv.getBytes(StandardCharsets.UTF_8));
    }

    ImportPlan prepare(byte[] bytes) {
        return people.prepare(bytes, "people.csv", ImportProgress.NONE, () -> false);
    }

    /** Checks the file has exactly this one error and that the directory is untouched. */
    void rejected(String csv, RowError expected) {
        rejected(csv.getBytes(StandardCharsets.UTF_8), expected);
    }

    void rejected(byte[] bytes, RowError expected) {
        int before = dsl.fetchCount(PERSON);
        ImportPlan plan = prepare(bytes);
        assertThat(plan.importable()).isFalse();
        assertThat(plan.errors()).contains(expected);
        assertThatThrownBy(() -> people.commit(plan)).hasMessageContaining("nothing was changed");
        assertThat(dsl.fetchCount(PERSON)).isEqualTo(before);
    }

    @Test
    void a_good_file_is_previewed_then_imported_with_managers_and_new_org_units() {
        ImportPlan plan = prepare(GOOD);
        assertThat(plan.errors()).isEmpty();
        assertThat(plan.preview().added()).isEqualTo(4);
        assertThat(plan.preview().newOrgUnits()).containsExactly("ENG", "EXEC");
        assertThat(dsl.fetchCount(PERSON)).isZero(); // preview writes nothing

        ImportResult result = people.commit(plan);
        assertThat(result).isEqualTo(new ImportResult(4, 0, 0, 2));
        var cy = dsl.selectFrom(PERSON).where(PERSON.EMPLOYEE_ID.eq("E300")).fetchOne();
        var bo = dsl.selectFrom(PERSON).where(PERSON.EMPLOYEE_ID.eq("E200")).fetchOne();
        assertThat(cy.getManagerId()).isEqualTo(bo.getId());
        assertThat(cy.getEmploymentStatus()).isEqualTo(EmploymentStatus.LEAVE);
        assertThat(dsl.fetchCount(ORG_UNIT)).isEqualTo(2);
        var audit = dsl.selectFrom(AUDIT_LOG).where(AUDIT_LOG.ACTION.eq("IMPORT")).orderBy(AUDIT_LOG.ID.desc()).limit(1).fetchOne();
        assertThat(audit.getActor()).isEqualTo("hr-admin");
        assertThat(audit.getAfterData()).contains("\"added\":4").contains("\"file\":\"people.csv\"").contains(plan.sha256());

        ImportPlan again = prepare(GOOD);
        assertThat(again.preview().unchanged()).isEqualTo(4);
        assertThat(people.commit(again)).isEqualTo(new ImportResult(0, 0, 4, 0));
        assertThat(dsl.selectFrom(PERSON).where(PERSON.EMPLOYEE_ID.eq("E300")).fetchOne().getVersion()).isEqualTo(cy.getVersion());

        String edited = GOOD.replace("E300,Cy Engineer,cy@example.org,Engineer,ENG,E200", "E300,Cy Engineer,cy@example.org,Staff Engineer,ENG,E100");
        ImportPlan changes = prepare(edited);
        assertThat(changes.preview().changed()).isEqualTo(1);
        assertThat(changes.preview().changes()).singleElement()
                .satisfies(c -> assertThat(c.changedFields()).containsExactly("title", "manager_employee_id"));
        assertThat(people.commit(changes)).isEqualTo(new ImportResult(0, 1, 3, 0));
    }

    @Test
    void a_missing_column_is_named_on_line_one() {
        rejected(GOOD.replace(",manager_employee_id", ""), new RowError(1, "manager_employee_id",
                "Column 'manager_employee_id' is missing; the header must have employee_id, full_name, email, title, "
                        + "org_unit, manager_employee_id, status, start_date, end_date"));
    }

    @Test
    void a_bad_email_is_reported_with_line_and_column() {
        rejected(GOOD.replace("bo@example.org", "bo-at-example"), new RowError(3, "email", "'bo-at-example' is not an email address"));
    }

    @Test
    void an_unknown_manager_is_reported() {
        rejected(GOOD.replace("ENG,E100,active", "ENG,E999,active"), new RowError(3, "manager_employee_id",
                "Unknown manager 'E999': not in the file and not in the directory"));
    }

    @Test
    void a_duplicate_employee_id_points_to_the_first_line() {
        rejected(GOOD + "E200,Bo Again,bo2@example.org,,ENG,E100,active,,\n",
                new RowError(6, "employee_id", "Employee id E200 also appears on line 3"));
    }

    @Test
    void a_problem_is_on_the_files_own_line_after_an_empty_line_and_a_value_over_two_lines() {
        String file = HEADER + "E100,Ada Boss,ada@example.org,CEO,EXEC,,active,2020-01-01,\n"
                + "\n"
                + "E200,Bo Manager,bo-at-example,\"Head of\nEngineering\",ENG,E100,active,2021-03-01,\n"
                + "E300,Cy Engineer,cy-at-example,Engineer,ENG,E200,active,2022-06-15,\n";
        assertThat(prepare(file).errors()).containsExactly(new RowError(4, "email", "'bo-at-example' is not an email address"),
                new RowError(6, "email", "'cy-at-example' is not an email address"));
    }

    @Test
    void a_management_loop_is_reported() {
        rejected(HEADER + "A1,Al,,,,B1,active,,\nB1,Bea,,,,A1,active,,\n",
                new RowError(2, "manager_employee_id", "Management chain loops: A1 → B1 → A1"));
    }

    @Test
    void bad_dates_and_statuses_are_explained() {
        ImportPlan plan = prepare(HEADER + "X1,Xe,,,,,retired,2020-13-01,\nX2,Yo,,,,,active,2022-01-01,2021-01-01\nX3,Zu,,,,,terminated,,\n");
        assertThat(plan.errors()).contains(
                new RowError(2, "status", "Unknown status 'retired'; use active, leave or terminated"),
                new RowError(2, "start_date", "'2020-13-01' is not a date; write it as YYYY-MM-DD"),
                new RowError(3, "end_date", "End date 2021-01-01 is before start date 2022-01-01"),
                new RowError(4, "end_date", "A terminated person needs an end date"));
    }

    @Test
    void a_file_that_is_not_utf8_is_refused_with_the_line() {
        byte[] latin1 = (HEADER + "E1,Jose,,,,,active,,\nE2,Jos\u00e9 N\u00fa\u00f1ez,,,,,active,,\n").getBytes(StandardCharsets.ISO_8859_1);
        ImportPlan plan = prepare(latin1);
        assertThat(plan.errors()).singleElement().satisfies(e -> {
            assertThat(e.message()).startsWith("The file is not UTF-8 text: line 3 has the byte 0xE9");
            assertThat(e.line()).as("the line column says it too, not 'file'").isEqualTo(3);
        });
        assertThat(dsl.fetchCount(PERSON)).isZero();
    }

    @Test
    void a_byte_order_mark_is_accepted() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = GOOD.getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, withBom, 0, 3);
        System.arraycopy(body, 0, withBom, 3, body.length);
        assertThat(prepare(withBom).errors()).isEmpty();
    }

    @Test
    void empty_files_say_what_is_missing() {
        rejected("", RowError.file("The file is empty"));
        rejected(HEADER, RowError.file("The file has a header line but no people"));
    }

    @Test
    void an_unclosed_quote_is_reported_as_invalid_csv() {
        ImportPlan plan = prepare(HEADER + "E1,\"Unclosed,,,,,active,,\n");
        assertThat(plan.errors()).singleElement().satisfies(e -> assertThat(e.message()).startsWith("The file is not valid CSV"));
    }

    @Test
    @WithMockUser(username = "mona", authorities = "platform.people.read")
    void a_user_without_people_manage_cannot_import() {
        assertThatThrownBy(() -> prepare(GOOD)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void an_export_imports_again_unchanged_and_neutralises_formulas() {
        people.commit(prepare(GOOD + "E500,=HYPERLINK(\"x\"),,,,,active,,\n"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        directory.exportCsv(out);
        String csv = out.toString(StandardCharsets.UTF_8);
        assertThat(csv).contains("'=HYPERLINK(\"\"x\"\")").contains("E300,Cy Engineer,cy@example.org,Engineer,ENG,E200,leave,2022-06-15,");
        ImportPlan again = prepare(csv.replace("'=HYPERLINK", "=HYPERLINK"));
        assertThat(again.errors()).isEmpty();
        assertThat(again.preview().unchanged()).isEqualTo(5);
    }

    @Autowired
    PeopleDirectory directory;

    @Nested
    @TestPropertySource(properties = {"steward.people.import.max-rows=3", "steward.people.import.max-bytes=2000"})
    class Limits {

        @Test
        void a_file_over_the_row_limit_is_refused_whole() {
            rejected(GOOD, RowError.file("The file has more than 3 people; the limit is 3 per import "
                    + "(steward.people.import.max-rows). Split the file."));
        }

        @Test
        void a_file_over_the_size_limit_is_refused_before_reading() {
            ImportPlan plan = prepare(HEADER + "E1,Ann,,,,,active,,\n".repeat(1) + "#".repeat(3000));
            assertThat(plan.errors()).containsExactly(RowError.file("The file is 3 KB; the limit is 2 KB "
                    + "(steward.people.import.max-bytes). Split the file."));
            assertThat(dsl.fetchCount(PERSON)).isZero();
        }
    }
}
