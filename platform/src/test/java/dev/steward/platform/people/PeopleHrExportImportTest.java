package dev.steward.platform.people;

import dev.steward.platform.people.PeopleColumnMapping.Field;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.TestPropertySource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;

import static dev.steward.platform.db.generated.Tables.AUDIT_LOG;
import static dev.steward.platform.db.generated.Tables.ORG_UNIT;
import static dev.steward.platform.db.generated.Tables.PERSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** HR exports imported through a column mapping: one shipped sample per preset, end to end through the service. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@TestPropertySource(properties = "steward.test.context=people-hr-exports") // its own context, so its own database
@WithMockUser(username = "hr-admin", authorities = {"platform.people.manage", "platform.people.read"})
class PeopleHrExportImportTest {

    @Autowired
    PeopleImport people;
    @Autowired
    DSLContext dsl;
    @TempDir
    Path dir;

    static byte[] sample(String name) {
        try (InputStream in = PeopleHrExportImportTest.class.getResourceAsStream("/people-samples/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    Path file(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    /** Uploads a sample as the dialog does: header, suggested mapping, preview, then import. */
    ImportResult importSample(String name, HrPreset expected) throws IOException {
        Path path = file(name, sample(name));
        PeopleImport.MappingSuggestion suggestion = people.suggest(people.header(path));
        assertThat(suggestion.mapping().preset()).isEqualTo(expected);
        ImportPlan plan = people.prepare(path, name, suggestion.mapping(), ImportProgress.NONE, () -> false);
        assertThat(plan.errors()).isEmpty();
        return people.commit(plan);
    }

    Person person(String employeeId) {
        var p = dsl.selectFrom(PERSON).where(PERSON.EMPLOYEE_ID.eq(employeeId)).fetchOne();
        assertThat(p).as(employeeId).isNotNull();
        var manager = p.getManagerId() == null ? null : dsl.selectFrom(PERSON).where(PERSON.ID.eq(p.getManagerId())).fetchOne();
        var unit = p.getOrgUnitId() == null ? null : dsl.selectFrom(ORG_UNIT).where(ORG_UNIT.ID.eq(p.getOrgUnitId())).fetchOne();
        return new Person(p.getFullName(), p.getEmail(), p.getTitle(), manager == null ? null : manager.getEmployeeId(),
                unit == null ? null : unit.getCode(), unit == null ? null : unit.getName(), p.getEmploymentStatus().name(),
                p.getStartDate(), p.getEndDate());
    }

    record Person(String name, String email, String title, String manager, String orgUnit, String orgUnitName,
                  String status, LocalDate start, LocalDate end) {
    }

    @Test
    void a_workday_worker_report_imports_with_preferred_names_supervisory_orgs_and_us_dates() throws IOException {
        ImportResult result = importSample("workday-worker-report.csv", HrPreset.WORKDAY);
        assertThat(result.added()).isEqualTo(17);
        assertThat(person("21002")).isEqualTo(new Person("Raj Patel", "raj.patel@northwind.example", "VP, Engineering", "21001",
                "executive-office-margaret-chen", "Executive Office (Margaret Chen)", "ACTIVE", LocalDate.of(2016, 3, 2), null));
        assertThat(person("21003").start()).isEqualTo(LocalDate.of(2017, 7, 9));
        assertThat(person("21004").status()).isEqualTo("LEAVE");
        assertThat(person("21006").status()).isEqualTo("LEAVE");
        assertThat(person("21005")).satisfies(p -> {
            assertThat(p.status()).isEqualTo("TERMINATED");
            assertThat(p.end()).isEqualTo(LocalDate.of(2023, 8, 31));
            assertThat(p.manager()).isEqualTo("21003");
            assertThat(p.orgUnitName()).isEqualTo("Platform Engineering (Priya Raman)");
        });
        assertThat(person("21009").email()).isNull(); // N/A
        assertThat(person("21014").start()).isNull();
        assertThat(person("21015").name()).isEqualTo("Chloé Martin");
        assertThat(person("C-30001")).satisfies(p -> {
            assertThat(p.status()).isEqualTo("ACTIVE");
            assertThat(p.end()).isEqualTo(LocalDate.of(2027, 6, 30));
        });
    }

    @Test
    void a_bamboohr_report_imports_with_supervisor_numbers_and_its_employment_statuses() throws IOException {
        ImportResult result = importSample("bamboohr-custom-report.csv", HrPreset.BAMBOOHR);
        assertThat(result.added()).isEqualTo(16); // the trailing row of empty cells is no person
        assertThat(person("1001").name()).isEqualTo("Liz Warren-Hughes");
        assertThat(person("1003")).isEqualTo(new Person("Aisha Bello", "aisha.bello@acme-robotics.example", "Manager, Firmware",
                "1002", "engineering", "Engineering", "ACTIVE", LocalDate.of(2017, 1, 10), null));
        assertThat(person("1005").status()).isEqualTo("LEAVE");
        assertThat(person("1006")).satisfies(p -> {
            assertThat(p.status()).isEqualTo("TERMINATED");
            assertThat(p.end()).isEqualTo(LocalDate.of(2023, 7, 14));
        });
        assertThat(person("1008").email()).isNull();
        assertThat(person("1011").orgUnit()).isEqualTo("finance-operations");
        assertThat(person("1011").orgUnitName()).isEqualTo("Finance & Operations");
        assertThat(person("1012").status()).isEqualTo("ACTIVE"); // Contractor
        assertThat(person("1016").start()).isNull();
    }

    @Test
    void a_hibob_report_imports_with_managers_by_email_and_day_first_dates() throws IOException {
        ImportResult result = importSample("hibob-people-report.csv", HrPreset.HIBOB);
        assertThat(result.added()).isEqualTo(16);
        assertThat(person("E-0003")).isEqualTo(new Person("Maya Cohen", "maya.cohen@brightloop.example", "Engineering Manager",
                "E-0002", "r-d", "R&D", "ACTIVE", LocalDate.of(2018, 9, 1), null));
        assertThat(person("E-0004").name()).isEqualTo("Daniel Mizrahi"); // no display name: first and last
        assertThat(person("E-0005").status()).isEqualTo("LEAVE"); // Parental leave
        assertThat(person("E-0006")).satisfies(p -> {
            assertThat(p.status()).isEqualTo("TERMINATED");
            assertThat(p.end()).isEqualTo(LocalDate.of(2023, 3, 31));
        });
        assertThat(person("E-0009").status()).isEqualTo("LEAVE"); // Garden leave
        assertThat(person("E-0011").orgUnitName()).isEqualTo("Security, Risk & Compliance");
        assertThat(person("E-0011").manager()).isEqualTo("E-0010");
        assertThat(person("E-0013").email()).isNull();
        assertThat(person("E-0015").status()).isEqualTo("ACTIVE"); // Hired
        assertThat(person("E-0016").start()).isNull();
    }

    @Test
    void a_personio_export_imports_with_german_dates_and_department_codes() throws IOException {
        ImportResult result = importSample("personio-employee-export.csv", HrPreset.PERSONIO);
        assertThat(result.added()).isEqualTo(16);
        assertThat(person("3")).isEqualTo(new Person("Bine Wagner", "sabine.wagner@alpenwerk.example", "Teamleiterin Backend", "2",
                "forschung-entwicklung", "Forschung & Entwicklung", "ACTIVE", LocalDate.of(2016, 9, 1), null));
        assertThat(person("1").orgUnit()).isEqualTo("geschaftsfuhrung");
        assertThat(person("4").status()).isEqualTo("LEAVE");
        assertThat(person("5")).satisfies(p -> {
            assertThat(p.status()).isEqualTo("TERMINATED");
            assertThat(p.end()).isEqualTo(LocalDate.of(2023, 6, 30));
        });
        assertThat(person("6").title()).isEqualTo("Leiter Vertrieb, DACH");
        assertThat(person("8").email()).isNull();
        assertThat(person("10").status()).isEqualTo("ACTIVE"); // onboarding
        assertThat(person("13").manager()).isEqualTo("11");
        assertThat(person("16").start()).isNull();
    }

    @Test
    void stewards_own_format_is_proposed_for_its_header_and_imports_as_before() throws IOException {
        Path path = file("generic.csv", sample("generic-steward.csv"));
        PeopleImport.MappingSuggestion suggestion = people.suggest(people.header(path));
        assertThat(suggestion.mapping().preset()).isEqualTo(HrPreset.GENERIC);
        assertThat(suggestion.mapping().employeeId()).isEqualTo("employee_id");
        assertThat(suggestion.mapping().orgUnit()).isEqualTo("org_unit");
        ImportPlan strict = people.prepare(path, "generic.csv", ImportProgress.NONE, () -> false);
        ImportPlan mapped = people.prepare(path, "generic.csv", suggestion.mapping(), ImportProgress.NONE, () -> false);
        assertThat(mapped.errors()).isEmpty();
        assertThat(mapped.rows()).isEqualTo(strict.rows());
        assertThat(people.commit(strict).added()).isEqualTo(15);
        assertThat(person("G-107").status()).isEqualTo("LEAVE");
        assertThat(person("G-102").orgUnit()).isEqualTo("IT");
        assertThat(person("G-102").orgUnitName()).isEqualTo("IT");
    }

    @Test
    void the_preset_and_mapping_are_guessed_from_the_header() {
        assertThat(PeopleColumnMapping.guess(List.of("Employee #", "First Name", "Last Name", "Work Email", "Department",
                "Supervisor EID", "Employment Status", "Hire Date", "Termination Date"))).satisfies(m -> {
            assertThat(m.preset()).isEqualTo(HrPreset.BAMBOOHR);
            assertThat(m.employeeId()).isEqualTo("Employee #");
            assertThat(m.managerEmployeeId()).isEqualTo("Supervisor EID");
            assertThat(m.status()).isEqualTo("Employment Status");
            assertThat(m.dateFormat()).isEqualTo(HrDateFormat.US);
        });
        // names another system uses are still found, spelled as this file spells them
        assertThat(PeopleColumnMapping.guess(List.of("ID", "first name", "last name", "E-Mail", "Position", "Department",
                "Supervisor ID", "Status", "Hire date", "Termination date", "Cost center"))).satisfies(m -> {
            assertThat(m.preset()).isEqualTo(HrPreset.PERSONIO);
            assertThat(m.firstName()).isEqualTo("first name");
            assertThat(m.email()).isEqualTo("E-Mail");
            assertThat(m.department()).isEqualTo("Department");
            assertThat(m.dateFormat()).isEqualTo(HrDateFormat.DAY_MONTH_DOTS);
        });
        assertThat(PeopleColumnMapping.guess(List.of("Employee ID", "Display name", "Email", "Reports to email",
                "Lifecycle status", "Start date"))).satisfies(m -> {
            assertThat(m.preset()).isEqualTo(HrPreset.HIBOB);
            assertThat(m.fullName()).isEqualTo("Display name");
            assertThat(m.managerEmail()).isEqualTo("Reports to email");
            assertThat(m.managerEmployeeId()).isNull();
        });
        assertThat(PeopleColumnMapping.guess(List.of("Employee ID", "Legal Name - First Name", "Legal Name - Last Name",
                "Worker Status", "Supervisory Organization", "Manager - Employee ID", "Hire Date")).preset()).isEqualTo(HrPreset.WORKDAY);
        assertThat(HrPreset.WORKDAY.statusWords()).containsEntry("Leave of Absence", EmploymentStatus.LEAVE)
                .containsEntry("Withdrawn", EmploymentStatus.TERMINATED);
    }

    @Test
    void a_mapped_column_missing_from_the_file_is_named_and_nothing_changes() throws IOException {
        byte[] content = sample("workday-worker-report.csv");
        Path path = file("workday.csv", content);
        PeopleColumnMapping mapping = people.suggest(people.header(path)).mapping();
        String text = new String(content, StandardCharsets.UTF_8).replace("Worker Status", "Status Now");
        int before = dsl.fetchCount(PERSON);
        ImportPlan plan = people.prepare(text.getBytes(StandardCharsets.UTF_8), "workday.csv", mapping, ImportProgress.NONE, () -> false);
        assertThat(plan.importable()).isFalse();
        assertThat(plan.errors()).containsExactly(new RowError(1, "Worker Status",
                "Column 'Worker Status' is missing from the file; the mapping reads the status from it"));
        assertThatThrownBy(() -> people.commit(plan)).hasMessageContaining("nothing was changed");
        assertThat(dsl.fetchCount(PERSON)).isEqualTo(before);
    }

    @Test
    void a_status_word_outside_the_table_and_a_bad_date_are_reported_with_line_and_column() {
        String csv = "Employee #,First Name,Last Name,Employment Status,Hire Date,Supervisor EID,Extra column\n"
                + "B-1,Ann,Able,Full-Time,01/31/2020,,x\n"
                + "B-2,Ben,Baker,Retired,31/01/2020,,y\n"
                + "B-3,Cid,Cole,Terminated,01/31/2020,B-9,z\n";
        PeopleColumnMapping mapping = PeopleColumnMapping.guess(List.of(csv.substring(0, csv.indexOf('\n')).split(",")));
        ImportPlan plan = people.prepare(csv.getBytes(StandardCharsets.UTF_8), "bamboo.csv", mapping, ImportProgress.NONE, () -> false);
        assertThat(plan.errors()).contains(
                new RowError(3, "Employment Status", "Status 'Retired' is not in the status table of BambooHR employee report "
                        + "(Active, Employed, On Leave, Leave, Terminated, Inactive, Withdrawn, Former, Full-Time, Part-Time, "
                        + "Contractor, Intern, Temporary, Leave of Absence)"),
                new RowError(3, "Hire Date", "'31/01/2020' is not a date in the format MM/DD/YYYY"),
                new RowError(4, "Employment Status", "A terminated person needs an end date"));
        assertThat(plan.importable()).isFalse();
    }

    @Test
    void an_unknown_manager_email_is_reported_on_its_line() {
        String csv = "Employee ID,Display name,Email,Reports to email,Lifecycle status\n"
                + "H-1,Hal One,hal@example.org,,Employed\n"
                + "H-2,Hel Two,hel@example.org,nobody@example.org,Employed\n";
        PeopleColumnMapping mapping = PeopleColumnMapping.guess(List.of("Employee ID", "Display name", "Email", "Reports to email", "Lifecycle status"));
        ImportPlan plan = people.prepare(csv.getBytes(StandardCharsets.UTF_8), "bob.csv", mapping, ImportProgress.NONE, () -> false);
        assertThat(plan.errors()).containsExactly(new RowError(3, "Reports to email",
                "Unknown manager email 'nobody@example.org': no one in the file or the directory has it"));
    }

    @Test
    void a_department_joins_the_org_unit_of_that_name_and_a_manager_email_finds_a_person_of_the_directory() {
        dsl.insertInto(ORG_UNIT).set(ORG_UNIT.CODE, "SEC").set(ORG_UNIT.NAME, "Information Security").execute();
        String boss = "Employee ID,Display name,Email,Department,Lifecycle status\n"
                + "D-1,Dora Boss,dora.boss@example.org,Information Security,Employed\n";
        String report = "Employee ID,Display name,Email,Department,Reports to email,Lifecycle status\n"
                + "D-2,Dan Report,dan@example.org,information security,DORA.BOSS@example.org,Employed\n";
        people.commit(people.prepare(boss.getBytes(StandardCharsets.UTF_8), "boss.csv",
                PeopleColumnMapping.guess(List.of("Employee ID", "Display name", "Email", "Department", "Lifecycle status")),
                ImportProgress.NONE, () -> false));
        ImportPlan plan = people.prepare(report.getBytes(StandardCharsets.UTF_8), "report.csv",
                PeopleColumnMapping.guess(List.of("Employee ID", "Display name", "Email", "Department", "Reports to email", "Lifecycle status")),
                ImportProgress.NONE, () -> false);
        assertThat(plan.errors()).isEmpty();
        assertThat(plan.preview().newOrgUnits()).isEmpty();
        people.commit(plan);
        assertThat(person("D-1").orgUnit()).isEqualTo("SEC");
        assertThat(person("D-2")).satisfies(p -> {
            assertThat(p.orgUnit()).isEqualTo("SEC");
            assertThat(p.orgUnitName()).isEqualTo("Information Security");
            assertThat(p.manager()).isEqualTo("D-1");
        });
    }

    @Test
    void the_mapping_used_is_remembered_and_offered_at_the_next_import() throws IOException {
        String csv = "Employee Number,Worker,Email - Primary Work,Worker Status,Hire Date,Termination Date,Manager - Employee ID\n"
                + "W-1,Wanda Remembered,wanda@example.org,Active,02/03/2021,,\n";
        Path path = file("report.csv", csv.getBytes(StandardCharsets.UTF_8));
        List<String> header = people.header(path);
        PeopleImport.MappingSuggestion first = people.suggest(header);
        assertThat(first.remembered()).isFalse();
        assertThat(first.mapping().preset()).isEqualTo(HrPreset.WORKDAY);
        var columns = new EnumMap<>(first.mapping().columns());
        columns.put(Field.FULL_NAME, "Worker"); // the user maps the name by hand
        columns.put(Field.EMPLOYEE_ID, "Employee Number");
        PeopleColumnMapping chosen = PeopleColumnMapping.of(HrPreset.WORKDAY, columns, HrDateFormat.US);
        ImportPlan plan = people.prepare(path, "report.csv", chosen, ImportProgress.NONE, () -> false);
        assertThat(plan.errors()).isEmpty();
        people.commit(plan);
        assertThat(person("W-1").name()).isEqualTo("Wanda Remembered");
        var audit = dsl.selectFrom(AUDIT_LOG).where(AUDIT_LOG.ACTION.eq("IMPORT")).orderBy(AUDIT_LOG.ID.desc()).limit(1).fetchOne();
        assertThat(audit.getAfterData()).contains("\"preset\":\"WORKDAY\"").contains("\"file\":\"report.csv\"");

        PeopleImport.MappingSuggestion next = people.suggest(header);
        assertThat(next.remembered()).isTrue();
        assertThat(next.mapping()).isEqualTo(chosen);
        // a file without one of the remembered columns gets a fresh guess
        assertThat(people.suggest(List.of("Employee ID", "Worker Status", "Hire Date", "Legal Name - Last Name")).remembered()).isFalse();
    }

    @Test
    @WithMockUser(username = "mona", authorities = "platform.people.read")
    void a_user_without_people_manage_cannot_read_or_map_a_file() throws IOException {
        Path path = file("w.csv", sample("workday-worker-report.csv"));
        assertThatThrownBy(() -> people.header(path)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> people.suggest(List.of("Employee ID"))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> people.prepare(path, "w.csv", PeopleColumnMapping.guess(HrPreset.WORKDAY, List.of("Employee ID")),
                ImportProgress.NONE, () -> false)).isInstanceOf(AccessDeniedException.class);
    }
}
