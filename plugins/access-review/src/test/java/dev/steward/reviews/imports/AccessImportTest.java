package dev.steward.reviews.imports;

import dev.steward.reviews.ReviewsTestBase;
import dev.steward.platform.security.Role;
import dev.steward.platform.validation.InvalidInputException;
import dev.steward.platform.validation.InvalidInputException.Problem;
import dev.steward.reviews.systems.SystemInfo;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jooq.impl.DSL.table;

class AccessImportTest extends ReviewsTestBase {

    @Autowired
    DSLContext dsl;

    SystemInfo erp;

    @BeforeEach
    void aSystem() {
        loginAs("ivy", Role.SECURITY_ANALYST);
        erp = system("ERP");
    }

    @Test
    void a_first_import_makes_a_snapshot_and_a_second_one_keeps_only_what_changed() {
        ImportResult first = importCsv(erp, HEADER
                + "jdoe,AP_CLERK,E-1,jdoe@example.org,Jane Doe,2026-11-01\n"
                + "jdoe,GL_VIEW,E-1,jdoe@example.org,Jane Doe,2026-11-01\n"
                + "\"smith, a\",ADMIN,E-2,asmith@example.org,\"Smith, Al\",2026-10-01T08:00:00Z\n");
        assertThat(first.changes().grantsAdded()).isEqualTo(3);
        assertThat(first.changes().accountsAdded()).isEqualTo(2);

        byte[] next = (HEADER
                + "jdoe,AP_CLERK,E-1,jdoe@example.org,Jane Doe,2026-11-20\n"
                + "\"smith, a\",ADMIN,E-2,asmith@example.org,\"Smith, Al\",2026-10-01T08:00:00Z\n"
                + "newbie,GL_VIEW,,,New Hire,\n").getBytes(StandardCharsets.UTF_8);
        AccessImport imports = bean(AccessImport.class);
        ImportPreview preview = imports.preview(erp.id(), next, ColumnMapping.guess(imports.header(next)), AccessImport.Progress.NONE);
        assertThat(preview.grantsAdded()).isEqualTo(1);
        assertThat(preview.grantsRemoved()).isEqualTo(1);
        assertThat(preview.grantsKept()).isEqualTo(2);
        assertThat(preview.accountsChanged()).isEqualTo(1); // jdoe's last login
        assertThat(preview.sampleRemoved()).containsExactly("jdoe · GL_VIEW");

        ImportResult second = imports.commit(erp.id(), next, "week2.csv", ColumnMapping.guess(imports.header(next)), AccessImport.Progress.NONE);
        assertThat(second.changes()).usingRecursiveComparison().ignoringFields("sampleAdded", "sampleRemoved", "sampleHowGrantedChanged").isEqualTo(preview);
        assertThat(dsl.fetchCount(table("reviews.access_grant"), org.jooq.impl.DSL.condition("system_id = ? and removed_import is null", erp.id())))
                .isEqualTo(3);
        // the first snapshot is still there: jdoe had GL_VIEW at the first import
        assertThat(dsl.fetchCount(table("reviews.access_grant"), org.jooq.impl.DSL.condition(
                "system_id = ? and added_import <= ? and (removed_import is null or removed_import > ?)", erp.id(), first.importId(), first.importId())))
                .isEqualTo(3);
    }

    @Test
    void bad_files_are_refused_with_the_line_column_and_reason_and_nothing_is_written() {
        importCsv(erp, HEADER + "keep,ROLE,E-9,k@example.org,Keeper,\n");
        int grants = dsl.fetchCount(table("reviews.access_grant"));
        int imports = dsl.fetchCount(table("reviews.import_run"));

        assertThat(problems("")).extracting(Problem::message).containsExactly("The file is empty");
        assertThat(problems("user_name,group\nx,y\n")).extracting(Problem::message)
                .contains("Choose the column that holds the account name");
        assertThat(problems(HEADER)).extracting(Problem::message).containsExactly("The file has a header but no rows");
        assertThat(problems(HEADER + "a,R1,,,,\n,R2,,,,\nb,R3,,,,yesterday\nc\n")).extracting(Problem::toString).containsExactly(
                "line 3, column account: Empty; every row needs a value here",
                "line 4, column last_login: Not a date or time: yesterday (use 2026-01-31 or 2026-01-31T09:00:00Z)",
                "line 5: Expected 6 columns, found 1");
        assertThat(problems(HEADER + "a,R1,,,,\nb,R2,,,,\na,R1,,,,\n")).extracting(Problem::toString)
                .containsExactly("line 4: Duplicate of line 2 (a · R1)");
        assertThat(problems(HEADER + "keep,ROLE,E-9,k@example.org,Keeper,\nkeep,ROLE,E-9,k@example.org,Keeper,\n")) // already current
                .extracting(Problem::toString).containsExactly("line 3: Duplicate of line 2 (keep · ROLE)");
        assertThat(problems(HEADER + "a,R1,E-1,,,\na,R2,E-2,,,\n")).extracting(Problem::message)
                .anyMatch(r -> r.startsWith("The account a has other details than on line 2"));
        assertThat(problems(HEADER + "a,R1,,,,\nb,\"R2,,,,\n")).extracting(Problem::toString).containsExactly(
                "line 3: The file cannot be read as CSV: a quoted field opened on line 3 is not closed before the end of the file");
        assertThat(problems("account,entitlement,account\na,R1,b\n")).extracting(Problem::message)
                .containsExactly("The header cannot be used: the column name account appears twice");
        byte[] latin1 = (HEADER + "m\u00fcller,R1,,,,\n").getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> commit(latin1)).isInstanceOfSatisfying(InvalidInputException.class, e ->
                assertThat(e.problems()).extracting(Problem::toString).anyMatch(r -> r.startsWith("line 2: The file is not UTF-8")));
        // the file's own lines: an empty line and a value over two lines count, as an editor numbers them
        assertThat(problems(HEADER + "a,R1,,,,\n\n\"b\nc\",R2,,,,\n,R3,,,,\n")).extracting(Problem::toString)
                .containsExactly("line 6, column account: Empty; every row needs a value here");

        assertThat(dsl.fetchCount(table("reviews.access_grant"))).isEqualTo(grants);
        assertThat(dsl.fetchCount(table("reviews.import_run"))).isEqualTo(imports);
    }

    @Test
    void backslashes_tabs_line_breaks_and_every_date_form_arrive_as_written() {
        importCsv(erp, HEADER
                + "CORP\\jdoe,GL_VIEW,,,\"Doe,\tJane\",2026-10-01T10:00:00+02:00\n"
                + "x,R\\1,,,\"two\nlines\",2026-10-01T08:00:00\n"
                + "y,R1,,,Why,2026-10-01\n");
        assertThat(dsl.fetch("select account_name, entitlement, display_name, last_login from reviews.account a join reviews.access_grant g"
                        + " using (system_id, account_name) where a.system_id = ? order by account_name", erp.id())
                .map(r -> r.get(0) + "|" + r.get(1) + "|" + r.get(2) + "|" + r.get(3, java.time.OffsetDateTime.class).toInstant()))
                .containsExactly("CORP\\jdoe|GL_VIEW|Doe,\tJane|2026-10-01T08:00:00Z", "x|R\\1|two\nlines|2026-10-01T08:00:00Z",
                        "y|R1|Why|2026-10-01T00:00:00Z");
    }

    @Test
    void a_million_row_file_with_one_duplicate_at_its_end_is_refused_with_both_lines_and_nothing_is_written() {
        int grants = dsl.fetchCount(table("reviews.access_grant"));
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < 1_000_000; i++) {
            csv.append('u').append(i / 100).append(",ROLE_").append(i % 100).append(",,,,2026-11-0").append(1 + (i / 100) % 9).append('\n');
        }
        csv.append("u42,ROLE_7,,,,2026-11-07\n"); // line 1,000,002 repeats line 4,209 (u42 · ROLE_7)
        List<Problem> problems = problems(csv.toString());
        assertThat(problems).extracting(Problem::toString).containsExactly("line 1000002: Duplicate of line 4209 (u42 · ROLE_7)");
        assertThat(dsl.fetchCount(table("reviews.access_grant"))).isEqualTo(grants);
    }

    @Test
    void an_unknown_system_is_refused() {
        byte[] file = (HEADER + "a,R1,,,,\n").getBytes(StandardCharsets.UTF_8);
        AccessImport imports = bean(AccessImport.class);
        assertThatThrownBy(() -> imports.commit(-5, file, "x.csv", ColumnMapping.guess(imports.header(file)), AccessImport.Progress.NONE))
                .hasMessageContaining("Unknown system -5");
    }

    @Test
    void auditors_cannot_import() {
        loginAs("aud", Role.AUDITOR);
        assertThatThrownBy(() -> commit((HEADER + "a,R1,,,,\n").getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }

    private List<Problem> problems(String csv) {
        try {
            commit(csv.getBytes(StandardCharsets.UTF_8));
        } catch (InvalidInputException e) {
            return e.problems();
        }
        throw new AssertionError("accepted: " + csv);
    }

    private void commit(byte[] file) {
        AccessImport imports = bean(AccessImport.class);
        List<String> header = file.length == 0 ? List.of() : headerOrEmpty(imports, file);
        ColumnMapping mapping = ColumnMapping.guess(header);
        imports.commit(erp.id(), file, "bad.csv", mapping, AccessImport.Progress.NONE);
    }

    private static List<String> headerOrEmpty(AccessImport imports, byte[] file) {
        try {
            return imports.header(file);
        } catch (InvalidInputException e) {
            return List.of();
        }
    }

    @Test
    void an_uploaded_file_is_read_from_disk_and_values_escaped_by_an_export_arrive_without_the_escape() {
        String csv = HEADER + "'=cmd,'+ROLE,,,'@team,\n" + "'s-admin,''quoted,,,'-dash,\n";
        AccessImport imports = bean(AccessImport.class);
        try (var upload = dev.steward.platform.files.UploadedFile.copyOf("export.csv", csv.getBytes(StandardCharsets.UTF_8))) {
            ColumnMapping mapping = ColumnMapping.guess(imports.header(upload.path()));
            imports.commit(erp.id(), upload.path(), upload.fileName(), ImportFormat.generic(mapping), AccessImport.Progress.NONE);
        }
        assertThat(dsl.fetch("select account_name, entitlement, display_name from reviews.account a join reviews.access_grant g"
                        + " using (system_id, account_name) where a.system_id = ? order by account_name", erp.id())
                .map(r -> r.get(0) + "|" + r.get(1) + "|" + r.get(2)))
                .containsExactlyInAnyOrder("=cmd|+ROLE|@team", "'s-admin|'quoted|-dash");
    }
}
