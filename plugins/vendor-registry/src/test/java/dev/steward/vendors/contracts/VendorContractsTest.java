package dev.steward.vendors.contracts;

import dev.steward.vendors.VendorsTestBase;
import dev.steward.platform.validation.InvalidInputException;
import dev.steward.vendors.processing.Relationship;
import dev.steward.vendors.registry.Vendor;
import dev.steward.platform.validation.ConcurrentChangeException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VendorContractsTest extends VendorsTestBase {

    static final LocalDate TODAY = LocalDate.now();
    Contracts contracts;

    @BeforeEach
    void login() {
        loginAsOfficer();
        contracts = bean(Contracts.class);
    }

    private ContractForm dpa(long vendorId, ContractStatus status, LocalDate effective, LocalDate ends, boolean autoRenewal) {
        return new ContractForm(null, 0, vendorId, ContractType.DPA, "DPA", status, status == ContractStatus.DRAFT ? null : effective,
                effective, ends, autoRenewal, null, ends == null ? null : 30);
    }

    @Test
    void the_dpa_status_follows_the_processing_and_the_dpa_contracts() {
        Vendor vendor = vendor("Payroll Ltd");
        assertThat(contracts.dpaState(vendor.id()).status()).as("no processing yet").isEqualTo(DpaStatus.NOT_REQUIRED);

        process(service(vendor, "Payroll"), Relationship.PROCESSOR, "DE");
        assertThat(contracts.dpaState(vendor.id()).status()).isEqualTo(DpaStatus.MISSING);

        Contract draft = contracts.save(dpa(vendor.id(), ContractStatus.DRAFT, null, null, false));
        assertThat(contracts.dpaState(vendor.id()).status()).isEqualTo(DpaStatus.DRAFT);

        Contract old = contracts.save(dpa(vendor.id(), ContractStatus.SIGNED, TODAY.minusYears(3), TODAY.minusDays(1), false));
        assertThat(contracts.dpaState(vendor.id())).satisfies(s -> {
            assertThat(s.status()).isEqualTo(DpaStatus.EXPIRED);
            assertThat(s.reason()).isEqualTo("The DPA ended on " + TODAY.minusDays(1));
        });

        contracts.save(new ContractForm(draft.id(), draft.version(), vendor.id(), ContractType.DPA, "DPA 2", ContractStatus.SIGNED, TODAY,
                TODAY, TODAY.plusDays(30), false, null, null));
        assertThat(contracts.dpaState(vendor.id()).status()).isEqualTo(DpaStatus.EXPIRING);

        LocalDate firstEnd = TODAY.minusYears(1).minusDays(10);
        contracts.save(new ContractForm(old.id(), old.version(), vendor.id(), ContractType.DPA, "renewing", ContractStatus.SIGNED,
                TODAY.minusYears(3), TODAY.minusYears(3), firstEnd, true, 12, 90));
        assertThat(contracts.dpaState(vendor.id())).satisfies(s -> {
            assertThat(s.status()).as("renewed term by term; never 'expiring' while it renews itself").isEqualTo(DpaStatus.IN_PLACE);
            assertThat(s.validUntil()).isEqualTo(firstEnd.plusMonths(12).plusMonths(12));
        });
    }

    @Test
    void transfers_on_sccs_without_signed_sccs_in_force_are_called_out() {
        Vendor vendor = vendor("Offshore");
        bean(dev.steward.vendors.processing.ProcessingRegister.class).save(processing(service(vendor, "Support"), Relationship.PROCESSOR,
                java.util.Set.of("IN"), dev.steward.vendors.processing.TransferMechanism.SCC));
        assertThat(contracts.sccMissing(vendor.id())).isTrue();
        contracts.save(new ContractForm(null, 0, vendor.id(), ContractType.SCC, "Module 2", ContractStatus.SIGNED, TODAY, TODAY, null, false, null, null));
        assertThat(contracts.sccMissing(vendor.id())).isFalse();
        assertThat(contracts.sccMissing(vendor("Domestic").id())).as("no SCCs relied on").isFalse();
    }

    @Test
    void a_joint_controller_needs_an_arrangement_rather_than_a_dpa() {
        Vendor vendor = vendor("Partner");
        process(service(vendor, "Co-branded events"), Relationship.JOINT_CONTROLLER, "DE");
        assertThat(contracts.dpaState(vendor.id())).satisfies(s -> {
            assertThat(s.status()).isEqualTo(DpaStatus.NOT_REQUIRED);
            assertThat(s.reason()).contains("Art. 26 arrangement");
        });
    }

    @Test
    void an_independent_controller_needs_no_dpa() {
        Vendor vendor = vendor("Bank");
        process(service(vendor, "Payroll payments"), Relationship.INDEPENDENT_CONTROLLER, "DE");
        assertThat(contracts.dpaState(vendor.id()).status()).isEqualTo(DpaStatus.NOT_REQUIRED);
    }

    @Test
    void contract_dates_that_make_no_sense_are_refused_and_nothing_is_written() {
        long vendorId = vendor("Dates").id();
        expect(new ContractForm(null, 0, vendorId, ContractType.MSA, null, ContractStatus.SIGNED, null, TODAY, null, false, null, null),
                "signedOn", "needs the date it was signed");
        expect(new ContractForm(null, 0, vendorId, ContractType.MSA, null, ContractStatus.SIGNED, TODAY.plusDays(3), TODAY, null, false, null, null),
                "signedOn", "in the future");
        expect(new ContractForm(null, 0, vendorId, ContractType.MSA, null, ContractStatus.DRAFT, null, TODAY, TODAY.minusDays(1), false, null, null),
                "endsOn", "before the effective date");
        expect(new ContractForm(null, 0, vendorId, ContractType.MSA, null, ContractStatus.DRAFT, null, TODAY, null, true, null, null),
                "endsOn", "first term");
        expect(new ContractForm(null, 0, vendorId, ContractType.MSA, null, ContractStatus.DRAFT, null, TODAY, null, false, null, 30),
                "noticeDays", "end date");
        assertThat(contracts.ofVendor(vendorId)).isEmpty();
    }

    @Test
    void a_stale_contract_save_changes_nothing() {
        long vendorId = vendor("Stale").id();
        Contract saved = contracts.save(dpa(vendorId, ContractStatus.DRAFT, null, null, false));
        contracts.save(saved.toForm());
        assertThatThrownBy(() -> contracts.save(new ContractForm(saved.id(), saved.version(), vendorId, ContractType.NDA, null,
                ContractStatus.TERMINATED, TODAY, TODAY, null, false, null, null))).isInstanceOf(ConcurrentChangeException.class);
        assertThat(contracts.ofVendor(vendorId)).singleElement().extracting(Contract::type).isEqualTo(ContractType.DPA);
    }

    @Test
    void a_soc2_type_ii_report_needs_its_period_and_other_certificates_their_name() {
        long vendorId = vendor("Certified").id();
        Certifications certs = bean(Certifications.class);
        assertThatThrownBy(() -> certs.save(new CertificationForm(null, 0, vendorId, CertificationType.SOC2_TYPE2, null, TODAY, TODAY.plusYears(1),
                null, null))).isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems().getFirst().field()).isEqualTo("periodStart"));
        assertThatThrownBy(() -> certs.save(new CertificationForm(null, 0, vendorId, CertificationType.OTHER, " ", TODAY, TODAY.plusYears(1),
                null, null))).isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems().getFirst().field()).isEqualTo("name"));
        assertThatThrownBy(() -> certs.save(new CertificationForm(null, 0, vendorId, CertificationType.ISO_27001, null, TODAY, TODAY.minusDays(1),
                null, null))).isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems().getFirst().field()).isEqualTo("validTo"));
        assertThat(certs.ofVendor(vendorId)).isEmpty();

        certs.save(new CertificationForm(null, 0, vendorId, CertificationType.SOC2_TYPE2, null, TODAY.minusMonths(2), TODAY.plusMonths(10),
                TODAY.minusMonths(14), TODAY.minusMonths(2)));
        certs.save(new CertificationForm(null, 0, vendorId, CertificationType.ISO_27001, "ignored", TODAY.minusYears(3), TODAY.minusDays(1), null, null));
        assertThat(certs.ofVendor(vendorId)).extracting(c -> c.displayName() + (c.expiredOn(TODAY) ? " (expired)" : ""))
                .containsExactly("SOC 2 Type II", "ISO/IEC 27001 (expired)");
    }

    private void expect(ContractForm form, String field, String message) {
        assertThatThrownBy(() -> contracts.save(form)).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.problems().getFirst().field()).isEqualTo(field);
            assertThat(e.getMessage()).contains(message);
        });
    }
}
