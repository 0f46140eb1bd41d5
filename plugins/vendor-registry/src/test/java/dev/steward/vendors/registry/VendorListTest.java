package dev.steward.vendors.registry;

import dev.steward.vendors.VendorsTestBase;
import dev.steward.vendors.contracts.CertificationForm;
import dev.steward.vendors.contracts.CertificationType;
import dev.steward.vendors.contracts.Certifications;
import dev.steward.vendors.contracts.ContractForm;
import dev.steward.vendors.contracts.ContractStatus;
import dev.steward.vendors.contracts.ContractType;
import dev.steward.vendors.contracts.Contracts;
import dev.steward.vendors.exports.DataSharingMatrix;
import dev.steward.vendors.exports.SubProcessorList;
import dev.steward.vendors.processing.ProcessingForm;
import dev.steward.vendors.processing.ProcessingRegister;
import dev.steward.vendors.processing.Purpose;
import dev.steward.vendors.processing.Relationship;
import dev.steward.vendors.processing.Volume;
import dev.steward.vendors.risk.AssessmentForm;
import dev.steward.vendors.risk.Assessments;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The grid's filters, the data-sharing matrix and the public sub-processor list, on one small registry. */
class VendorListTest extends VendorsTestBase {

    static final LocalDate TODAY = LocalDate.now();
    Vendor payroll;
    Vendor analytics;
    Vendor bank;

    /** Payroll: health data in DE, signed DPA ending in 45 days, tier 1. Analytics: usage data in IN without mechanism, no DPA. Bank: controller. */
    @BeforeEach
    void registry() {
        loginAsOfficer();
        ProcessingRegister register = bean(ProcessingRegister.class);
        payroll = vendor("Payroll");
        register.save(new ProcessingForm(null, 0, service(payroll, "Payroll").id(), Relationship.PROCESSOR, Set.of("employment", "health"),
                Set.of("employees"), List.of(new Purpose("payroll", "legal_obligation")), Volume.UNDER_1K, false, false, Set.of("DE"), Set.of(), null, null));
        bean(Contracts.class).save(new ContractForm(null, 0, payroll.id(), ContractType.DPA, null, ContractStatus.SIGNED, TODAY, TODAY,
                TODAY.plusDays(45), false, null, null));
        bean(Assessments.class).assess(new AssessmentForm(payroll.id(), 1, "Health data of staff", List.of()));
        analytics = vendor("Analytics");
        register.save(new ProcessingForm(null, 0, service(analytics, "Web analytics").id(), Relationship.PROCESSOR, Set.of("usage", "device_online"),
                Set.of("website_visitors"), List.of(new Purpose("analytics", "consent")), Volume.OVER_1M, false, false, Set.of("IN"), Set.of("US"),
                null, null));
        bank = vendor("Bank");
        register.save(processing(service(bank, "Salary payments"), Relationship.INDEPENDENT_CONTROLLER, Set.of("FR"), null));
        bean(Certifications.class).save(new CertificationForm(null, 0, bank.id(), CertificationType.PCI_DSS, null, TODAY.minusYears(1),
                TODAY.plusDays(80), null, null));
    }

    private List<String> names(VendorFilter filter) {
        return bean(VendorList.class).page(filter, VendorList.Sort.NAME, false, 0, 100).stream().map(VendorRow::legalName)
                .filter(n -> n.endsWith(suffix)).toList();
    }

    private static VendorFilter filter(Integer tier, String category, String country, Integer expiring, boolean missingDpa, boolean gap) {
        return new VendorFilter(null, tier, null, category, country, expiring, missingDpa, gap, false);
    }

    @Test
    void each_grid_filter_narrows_in_sql() {
        assertThat(names(new VendorFilter(suffix, null, null, null, null, null, false, false, false))).hasSize(3);
        assertThat(names(filter(1, null, null, null, false, false))).containsExactly(payroll.legalName());
        assertThat(names(filter(null, "health", null, null, false, false))).containsExactly(payroll.legalName());
        assertThat(names(filter(null, null, "IN", null, false, false))).containsExactly(analytics.legalName());
        assertThat(names(filter(null, null, null, 30, false, false))).isEmpty();
        assertThat(names(filter(null, null, null, 60, false, false))).containsExactly(payroll.legalName());
        assertThat(names(filter(null, null, null, 90, false, false))).containsExactly(bank.legalName(), payroll.legalName());
        assertThat(names(filter(null, null, null, null, true, false))).containsExactly(analytics.legalName());
        assertThat(names(filter(null, null, null, null, false, true))).containsExactly(analytics.legalName());
        assertThat(names(new VendorFilter(suffix, null, VendorStatus.ACTIVE, null, null, null, false, false, false))).isEmpty();
        assertThat(bean(VendorList.class).count(filter(null, null, "IN", null, false, false))).isGreaterThanOrEqualTo(1);
    }

    @Test
    void the_category_and_country_filters_follow_every_change_of_processing() {
        ProcessingRegister register = bean(ProcessingRegister.class);
        var web = bean(dev.steward.vendors.processing.ProvidedServices.class).ofVendor(analytics.id()).getFirst();
        assertThat(names(filter(null, null, "US", null, false, false))).containsExactly(analytics.legalName()); // stored there
        var added = register.save(new ProcessingForm(null, 0, web.id(), Relationship.PROCESSOR, Set.of("health"), Set.of("customers"),
                List.of(new Purpose("analytics", "consent")), Volume.UNDER_1K, false, false, Set.of("JP"), Set.of(), null, null));
        assertThat(names(filter(null, "health", null, null, false, false))).containsExactly(analytics.legalName(), payroll.legalName());
        assertThat(names(filter(null, null, "JP", null, false, false))).containsExactly(analytics.legalName());

        var changed = register.save(new ProcessingForm(added.id(), added.version(), web.id(), Relationship.PROCESSOR, Set.of("location"),
                Set.of("customers"), List.of(new Purpose("analytics", "consent")), Volume.UNDER_1K, false, false, Set.of("CH"), Set.of(), null, null));
        assertThat(names(filter(null, "health", null, null, false, false))).containsExactly(payroll.legalName());
        assertThat(names(filter(null, "location", null, null, false, false))).containsExactly(analytics.legalName());
        assertThat(names(filter(null, null, "JP", null, false, false))).isEmpty();
        assertThat(names(filter(null, null, "CH", null, false, false))).containsExactly(analytics.legalName());

        register.delete(changed.id(), changed.version());
        assertThat(names(filter(null, "location", null, null, false, false))).isEmpty();
        assertThat(names(filter(null, null, "CH", null, false, false))).isEmpty();
        assertThat(names(filter(null, "usage", null, null, false, false))).containsExactly(analytics.legalName());
        // the summary (V6) equals what the processing records say, vendor by vendor
        assertThat(dsl.fetch("select vendor_id || ':' || data_categories::text || ':' || countries::text from vendors.vendor_reach"
                + " where array_length(data_categories, 1) > 0 order by vendor_id").getValues(0, String.class))
                .isEqualTo(dsl.fetch("select s.vendor_id || ':' || array_agg(distinct c.c order by c.c)::text || ':'"
                        + " || (select array_agg(distinct x order by x) from vendors.vendor_service s2 join vendors.processing p2 on p2.service_id = s2.id,"
                        + " unnest(p2.processing_countries || p2.storage_countries) x where s2.vendor_id = s.vendor_id)::text"
                        + " from vendors.vendor_service s join vendors.processing p on p.service_id = s.id, unnest(p.data_categories) c(c)"
                        + " group by s.vendor_id order by s.vendor_id").getValues(0, String.class));
    }

    @Test
    void grid_rows_carry_the_flags() {
        VendorRow row = bean(VendorList.class).page(new VendorFilter("Analytics " + suffix, null, null, null, null, null, false, false, false),
                VendorList.Sort.NAME, false, 0, 10).getFirst();
        assertThat(row.dpaGap()).isTrue();
        assertThat(row.transferGap()).isTrue();
        assertThat(row.specialCategory()).isFalse();
        VendorRow pay = bean(VendorList.class).page(new VendorFilter("Payroll " + suffix, null, null, null, null, null, false, false, false),
                VendorList.Sort.NAME, false, 0, 10).getFirst();
        assertThat(pay.tier()).isEqualTo(1);
        assertThat(pay.dpaGap()).isFalse();
        assertThat(pay.specialCategory()).isTrue();
    }

    @Test
    void the_matrix_shows_which_vendor_gets_which_categories_and_exports_them() {
        DataSharingMatrix matrix = bean(DataSharingMatrix.class);
        List<DataSharingMatrix.Row> rows = matrix.page(suffix, null, 0, 10);
        assertThat(rows).extracting(DataSharingMatrix.Row::vendorName)
                .containsExactly(analytics.legalName(), bank.legalName(), payroll.legalName());
        assertThat(rows.get(2).categories()).containsExactly("employment", "health");
        assertThat(matrix.page(suffix, "health", 0, 10)).extracting(DataSharingMatrix.Row::vendorName).containsExactly(payroll.legalName());
        assertThat(matrix.columns()).as("every catalogue category, used or not").extracting(DataSharingMatrix.Category::code)
                .contains("health", "usage", "contact", "genetic");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(matrix.exportCsv(suffix, null, out, dev.steward.platform.export.ExportProgress.NONE)).isEqualTo(3);
        String csv = out.toString(StandardCharsets.UTF_8);
        assertThat(csv.lines().findFirst().orElseThrow()).startsWith("\uFEFFvendor,").contains("Health data");
        assertThat(csv).contains(payroll.legalName() + ",");
    }

    @Test
    void the_public_sub_processor_list_names_processors_only_with_locations_and_safeguards() throws Exception {
        var vendors = bean(dev.steward.vendors.registry.VendorRegistry.class);
        Vendor hosting = vendor("Hosting");
        bean(ProcessingRegister.class).save(processing(service(hosting, "Hosting"), Relationship.PROCESSOR, Set.of("US"),
                dev.steward.vendors.processing.TransferMechanism.SCC));
        for (Vendor v : List.of(payroll, analytics, bank, hosting)) {
            Vendor now = vendors.find(v.id()).orElseThrow();
            var f = now.toForm();
            vendors.save(new dev.steward.vendors.registry.VendorForm(f.id(), f.version(), f.legalName(), f.tradingName(), f.website(), "DE",
                    VendorStatus.ACTIVE, f.ownerPersonId(), f.criticality(), f.accessLevel(), f.description(), f.contacts()));
        }
        SubProcessorList list = bean(SubProcessorList.class);
        List<SubProcessorList.Entry> mine = list.entries().stream().filter(e -> e.vendor().endsWith(suffix)).toList();
        assertThat(mine).extracting(SubProcessorList.Entry::vendor).containsExactly(analytics.legalName(), hosting.legalName(), payroll.legalName());
        assertThat(mine.get(1).safeguards()).as("the mechanism in words").isEqualTo("Standard contractual clauses (Art. 46)");
        assertThat(mine.getFirst().locations()).isEqualTo("India, United States");
        assertThat(mine.getFirst().purposes()).isEqualTo("Analytics and product improvement");
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        list.writePdf(pdf);
        assertThat(new String(pdf.toByteArray(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        list.writeCsv(csv);
        assertThat(csv.toString(StandardCharsets.UTF_8)).contains(payroll.legalName()).doesNotContain(bank.legalName());
    }
}
