package dev.steward.vendors.integration;

import dev.steward.platform.security.Role;
import dev.steward.vendors.registry.Vendor;
import dev.steward.vendors.registry.VendorRegistry;
import dev.steward.vendors.VendorsTestBase;
import dev.steward.vendors.contracts.CertificationForm;
import dev.steward.vendors.contracts.CertificationType;
import dev.steward.vendors.contracts.Certifications;
import dev.steward.vendors.contracts.ContractForm;
import dev.steward.vendors.contracts.ContractStatus;
import dev.steward.vendors.contracts.ContractType;
import dev.steward.vendors.contracts.Contracts;
import dev.steward.vendors.processing.ProcessingRegister;
import dev.steward.vendors.processing.ProvidedService;
import dev.steward.vendors.processing.Relationship;
import dev.steward.vendors.risk.Assessments;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The vendor charts' figures, counted in PostgreSQL; each test checks exactly which buckets its vendors moved. */
class VendorChartsTest extends VendorsTestBase {

    VendorCharts charts;

    @BeforeEach
    void officer() {
        loginAsOfficer();
        charts = bean(VendorCharts.class);
    }

    @Test
    void vendors_count_by_tier_and_the_highest_sensitivity_of_what_they_process_special_categories_highest() {
        var before = charts.byTierAndSensitivity();
        Vendor payroll = vendor("Payroll");
        bean(ProcessingRegister.class).save(processing(service(payroll, "Payslips"), Relationship.PROCESSOR, Set.of("DE"), null));
        ProvidedService payments = service(payroll, "Payments");
        var paymentData = processing(payments, Relationship.PROCESSOR, Set.of("DE"), null);
        bean(ProcessingRegister.class).save(new dev.steward.vendors.processing.ProcessingForm(null, 0, payments.id(), paymentData.relationship(),
                Set.of("payment", "contact"), paymentData.subjectTypes(), paymentData.purposes(), paymentData.volume(), false, false,
                paymentData.processingCountries(), Set.of(), null, null));
        tier(payroll, 2);
        Vendor clinic = vendor("Clinic");
        ProvidedService records = service(clinic, "Records");
        bean(ProcessingRegister.class).save(new dev.steward.vendors.processing.ProcessingForm(null, 0, records.id(), Relationship.PROCESSOR,
                Set.of("contact", "health"), paymentData.subjectTypes(), paymentData.purposes(), paymentData.volume(), false, false,
                Set.of("DE"), Set.of(), null, null));
        tier(clinic, 1);
        vendor("Caterer"); // nothing processed, not assessed

        var after = charts.byTierAndSensitivity();
        for (int tier : VendorCharts.TIERS) {
            for (int level : VendorCharts.SENSITIVITIES) {
                int expected = tier == 2 && level == 3 || tier == 1 && level == 4 || tier == 0 && level == 0 ? 1 : 0;
                assertThat(after.count(tier, level) - before.count(tier, level)).as("tier %d, sensitivity %d", tier, level).isEqualTo(expected);
            }
        }
    }

    @Test
    void contracts_and_certificates_count_in_the_month_they_end_unless_renewing_or_replaced() {
        var before = charts.expiriesPerMonth(12);
        Vendor v = vendor("Hosting");
        LocalDate inTwoMonths = YearMonth.now().plusMonths(2).atDay(15);
        Contracts contracts = bean(Contracts.class);
        contracts.save(contract(v, ContractType.MSA, inTwoMonths, false));
        contracts.save(contract(v, ContractType.DPA, inTwoMonths, true)); // renews itself
        contracts.save(contract(v, ContractType.NDA, YearMonth.now().plusMonths(13).atDay(1), false)); // beyond the chart
        Certifications certifications = bean(Certifications.class);
        LocalDate inFiveMonths = YearMonth.now().plusMonths(5).atDay(3);
        certifications.save(new CertificationForm(null, 0, v.id(), CertificationType.ISO_27001, null, LocalDate.now().minusYears(2), inFiveMonths, null, null));
        certifications.save(new CertificationForm(null, 0, v.id(), CertificationType.PCI_DSS, null, LocalDate.now().minusYears(1), inFiveMonths, null, null));
        certifications.save(new CertificationForm(null, 0, v.id(), CertificationType.PCI_DSS, null, LocalDate.now(), inFiveMonths.plusYears(1), null, null));

        var after = charts.expiriesPerMonth(12);
        assertThat(after.months()).hasSize(12).startsWith(YearMonth.now());
        int[] contractsMoved = new int[12];
        int[] certificatesMoved = new int[12];
        Arrays.setAll(contractsMoved, i -> after.contracts()[i] - before.contracts()[i]);
        Arrays.setAll(certificatesMoved, i -> after.certificates()[i] - before.certificates()[i]);
        assertThat(contractsMoved).containsExactly(0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        assertThat(certificatesMoved).containsExactly(0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0);
    }

    @Test
    void a_user_without_the_registry_permission_gets_no_chart_figures() {
        loginAs("max", Role.MANAGER); // a manager owns vendors but does not read the whole registry
        assertThatThrownBy(() -> charts.byTierAndSensitivity()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> charts.expiriesPerMonth(12)).isInstanceOf(AccessDeniedException.class);
    }

    private void tier(Vendor vendor, int tier) {
        Vendor current = bean(VendorRegistry.class).find(vendor.id()).orElseThrow();
        bean(Assessments.class).changeTier(vendor.id(), current.version(), tier, "Rated for the chart");
    }

    private static ContractForm contract(Vendor v, ContractType type, LocalDate ends, boolean autoRenewal) {
        return new ContractForm(null, 0, v.id(), type, type.name(), ContractStatus.SIGNED, LocalDate.now().minusYears(1),
                LocalDate.now().minusYears(1), ends, autoRenewal, autoRenewal ? 12 : null, 30);
    }
}
