package dev.steward.vendors.imports;

import dev.steward.vendors.VendorsTestBase;
import dev.steward.platform.export.ExportProgress;
import dev.steward.platform.validation.InvalidInputException;
import dev.steward.platform.validation.InvalidInputException.Problem;
import dev.steward.vendors.processing.ProcessingRegister;
import dev.steward.vendors.processing.ProvidedServices;
import dev.steward.vendors.registry.VendorFilter;
import dev.steward.vendors.registry.VendorList;
import dev.steward.vendors.registry.VendorRow;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VendorImportTest extends VendorsTestBase {

    static final String HEADER = "legal_name,trading_name,hq_country,status,owner,next_review_on,service,relationship,data_categories,"
            + "subject_types,purposes,volume,processing_countries,storage_countries,transfer_mechanism\n";

    VendorImport imports;

    @BeforeEach
    void officer() {
        loginAsOfficer();
        imports = bean(VendorImport.class);
    }

    private String good(String owner) {
        return HEADER
                + "Mailer Ltd " + suffix + ",Mailer,IE,active," + owner + ",2027-03-01,Email delivery,processor,contact;identifiers,customers,"
                + "service_delivery:contract;marketing:consent,under_1m,IE;US,IE,adequacy\n"
                + "Mailer Ltd " + suffix + ",Mailer,IE,active," + owner + ",2027-03-01,Email delivery,sub_processor,contact,employees,"
                + "hr_admin:legal_obligation,under_1k,DE,,\n"
                + "Mailer Ltd " + suffix + ",,,,,,Newsletter,,,,,,,,\n"
                + "Consultancy " + suffix + ",,GB,prospect,,,,,,,,,,,\n";
    }

    private static byte[] bytes(String csv) {
        return csv.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void a_good_file_is_previewed_then_imported_with_every_service_and_processing_and_audited() {
        ownerWithUser("nina");
        loginAsOfficer();
        String owner = "nina-" + suffix + "@example.org";
        ImportPreview preview = imports.preview(bytes(good(owner)));
        assertThat(preview.problems()).isEmpty();
        assertThat(preview).extracting(ImportPreview::vendors, ImportPreview::services, ImportPreview::processing).containsExactly(2, 2, 2);
        int before = vendorCount();

        imports.commit(bytes(good(owner)));
        assertThat(vendorCount()).isEqualTo(before + 2);
        VendorRow mailer = bean(VendorList.class).page(new VendorFilter("Mailer Ltd " + suffix, null, null, null, null, null, false, false, false),
                VendorList.Sort.NAME, false, 0, 5).getFirst();
        assertThat(mailer.ownerName()).isEqualTo("nina " + suffix);
        assertThat(mailer.nextReviewOn()).hasToString("2027-03-01");
        var services = bean(ProvidedServices.class).ofVendor(mailer.id());
        assertThat(services).extracting(s -> s.name()).containsExactly("Email delivery", "Newsletter");
        assertThat(bean(ProcessingRegister.class).ofService(services.getFirst().id())).hasSize(2)
                .allSatisfy(p -> assertThat(p.transfer().gap()).isFalse());
        assertThat(auditEntries("vendor", mailer.id())).isGreaterThanOrEqualTo(1);
    }

    @Test
    void an_import_reports_each_record_written_and_a_cancelled_one_writes_nothing() {
        ownerWithUser("otto");
        loginAsOfficer();
        String owner = "otto-" + suffix + "@example.org";
        int before = vendorCount();
        java.util.List<Integer> reported = new java.util.ArrayList<>();
        assertThatThrownBy(() -> imports.commit(bytes(good(owner)), new VendorImport.Progress(reported::add, () -> reported.size() >= 3)))
                .isInstanceOf(VendorImport.Cancelled.class);
        assertThat(reported).containsExactly(1, 2, 3);
        assertThat(vendorCount()).isEqualTo(before);

        reported.clear();
        imports.commit(bytes(good(owner)), new VendorImport.Progress(reported::add, () -> false));
        assertThat(reported).containsExactly(1, 2, 3, 4, 5, 6); // 2 vendors, 2 services, 2 processing records
        assertThat(vendorCount()).isEqualTo(before + 2);
    }

    @Test
    void bad_input_is_refused_with_line_and_column_and_nothing_is_written() {
        vendor("Existing");
        String file = HEADER
                + "Existing " + suffix + ",,DE,,,,,,,,,,,,\n"
                + "Country " + suffix + ",,XX,,,,,,,,,,,,\n"
                + "Category " + suffix + ",,DE,,,,Hosting,processor,shoe_size,customers,billing:contract,under_1k,DE,,\n"
                + "Dates " + suffix + ",,DE,,,31/12/2026,,,,,,,,,\n"
                + "Dates " + suffix + ",,FR,,,,,,,,,,,,\n"
                + "Owner " + suffix + ",,DE,,nobody-" + suffix + "@example.org,,,,,,,,,,\n"
                + "Status " + suffix + ",,DE,dormant,,,,,,,,,,,\n";
        int before = vendorCount();

        ImportPreview preview = imports.preview(bytes(file));
        assertThat(preview.problems()).extracting(Problem::toString).containsExactly(
                "line 2, column legal_name: 'Existing " + suffix + "' is already in the registry",
                "line 3, column hq_country: 'XX' is not an ISO 3166 country code (two letters, e.g. DE, US)",
                "line 4, column data_categories: Unknown personal-data category: shoe_size",
                "line 5, column next_review_on: '31/12/2026' is not a date (YYYY-MM-DD)",
                "line 7, column owner: No single person with the email or employee id 'nobody-" + suffix + "@example.org' in the people directory",
                "line 8, column status: 'dormant' is not one of prospect, active, offboarding, terminated");
        assertThatThrownBy(() -> imports.commit(bytes(file))).isInstanceOf(InvalidInputException.class);
        assertThat(vendorCount()).isEqualTo(before);
    }

    @Test
    void rows_of_one_vendor_that_disagree_are_refused() {
        String file = HEADER + "Twice " + suffix + ",,DE,,,,,,,,,,,,\n" + "twice " + suffix + ",,FR,,,,,,,,,,,,\n";
        assertThat(imports.preview(bytes(file)).problems()).extracting(Problem::toString)
                .containsExactly("line 3, column hq_country: Differs from line 2 of the same vendor ('DE'); a vendor's columns must agree on every row");
    }

    @Test
    void a_file_that_is_not_utf8_or_has_an_unknown_column_is_refused_as_a_whole() {
        assertThat(imports.preview(new byte[]{'l', 'e', 'g', (byte) 0xE9, '\n'}).problems()).extracting(Problem::toString)
                .containsExactly("The file is not UTF-8 text; save it as CSV UTF-8");
        assertThat(imports.preview(bytes("legal_name,colour\nA,red\n")).problems()).singleElement()
                .satisfies(p -> assertThat(p.field()).isEqualTo("colour"));
    }

    @Test
    void the_registry_export_reads_back_in() throws Exception {
        imports.commit(bytes(good("")));
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        bean(RegistryExport.class).writeZip(zip, ExportProgress.NONE);
        Map<String, String> files = unzip(zip.toByteArray());
        assertThat(files).containsKeys("vendors.csv", "contracts.csv", "certifications.csv", "sub_processors.csv", "assessments.csv", "tier_history.csv");

        String mine = files.get("vendors.csv").lines().filter(l -> l.startsWith("\uFEFF") || l.contains(suffix))
                .map(l -> l.replace(suffix, suffix + "-copy")).reduce((a, b) -> a + "\n" + b).orElseThrow() + "\n";
        ImportPreview again = imports.preview(bytes(mine));
        assertThat(again.problems()).isEmpty();
        assertThat(again).extracting(ImportPreview::vendors, ImportPreview::services, ImportPreview::processing).containsExactly(2, 2, 2);
    }

    private static Map<String, String> unzip(byte[] zip) throws Exception {
        Map<String, String> files = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                files.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }


    @Test
    void an_uploaded_file_is_read_as_it_streams_and_values_escaped_by_an_export_arrive_without_the_escape() {
        String csv = "legal_name,description\n" + "'+Plus Vendor " + suffix + ",'-minus; '@at\n" + "'s-Hertogenbosch BV " + suffix + ",''quoted\n";
        try (var upload = dev.steward.platform.files.UploadedFile.copyOf("vendors.csv", bytes(csv))) {
            assertThat(imports.preview(upload.path()).problems()).isEmpty();
            imports.commit(upload.path(), VendorImport.Progress.NONE);
        }
        assertThat(dsl.fetch("select legal_name, description from vendors.vendor where legal_name like ? order by legal_name", "%" + suffix)
                .map(r -> r.get(0) + "|" + r.get(1)))
                .containsExactly("'s-Hertogenbosch BV " + suffix + "|'quoted", "+Plus Vendor " + suffix + "|-minus; '@at");
    }
}
