package dev.steward.vendors.sample;

import dev.steward.platform.spi.SampleContext;
import dev.steward.platform.spi.SampleData;
import dev.steward.vendors.contracts.CertificationForm;
import dev.steward.vendors.contracts.CertificationType;
import dev.steward.vendors.contracts.Certifications;
import dev.steward.vendors.contracts.ContractForm;
import dev.steward.vendors.contracts.ContractStatus;
import dev.steward.vendors.contracts.ContractType;
import dev.steward.vendors.contracts.Contracts;
import dev.steward.vendors.processing.ProcessingForm;
import dev.steward.vendors.processing.ProcessingRegister;
import dev.steward.vendors.processing.ProvidedService;
import dev.steward.vendors.processing.ProvidedServices;
import dev.steward.vendors.processing.Purpose;
import dev.steward.vendors.processing.Relationship;
import dev.steward.vendors.processing.TransferMechanism;
import dev.steward.vendors.processing.Volume;
import dev.steward.vendors.registry.AccessLevel;
import dev.steward.vendors.registry.Criticality;
import dev.steward.vendors.registry.Vendor;
import dev.steward.vendors.registry.VendorForm;
import dev.steward.vendors.registry.VendorRegistry;
import dev.steward.vendors.registry.VendorStatus;
import dev.steward.vendors.risk.AssessmentForm;
import dev.steward.vendors.risk.Assessments;
import dev.steward.vendors.risk.FindingForm;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import static dev.steward.vendors.db.Tables.VENDOR;

/**
 * The sample company's vendors, through the registry's own services: every status and every tier, processing with
 * the privacy catalogue's categories, purposes and legal bases, contracts ending next month (one renewing unless
 * notice is given within two weeks) and a certificate about to lapse. Every date counts from the day it is loaded. Business owners are the sample managers.
 */
@Component
class VendorSampleData implements SampleData {

    private final DSLContext dsl;
    private final VendorRegistry registry;
    private final ProvidedServices services;
    private final ProcessingRegister processing;
    private final Contracts contracts;
    private final Certifications certifications;
    private final Assessments assessments;

    VendorSampleData(DSLContext dsl, VendorRegistry registry, ProvidedServices services, ProcessingRegister processing,
                     Contracts contracts, Certifications certifications, Assessments assessments) {
        this.dsl = dsl;
        this.registry = registry;
        this.services = services;
        this.processing = processing;
        this.contracts = contracts;
        this.certifications = certifications;
        this.assessments = assessments;
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public boolean holdsData() {
        return dsl.fetchExists(VENDOR);
    }

    @Override
    public Summary load(SampleContext company) {
        LocalDate today = LocalDate.ofInstant(company.now(), ZoneOffset.UTC);
        long engineering = company.personOf(company.managers().get(0)).id();
        long finance = company.personOf(company.managers().get(1)).id();
        long privacy = company.personOf(company.privacyOfficer()).id();

        Vendor payroll = vendor("Payflow Payroll B.V.", "Payflow", "NL", VendorStatus.ACTIVE, finance, Criticality.CRITICAL,
                AccessLevel.BROAD, "Runs the monthly payroll for every employee.");
        process(service(payroll, "Payroll processing"), Relationship.PROCESSOR, Set.of("employment", "payment", "identifiers"),
                Set.of("employees"), new Purpose("payroll", "legal_obligation"), Volume.UNDER_1K, Set.of("NL"), null);
        // notice by 12 days from today: a renewal decision due soon, never a notice date already missed without a warning
        contract(payroll, ContractType.MSA, today.minusYears(2), today.plusDays(26), true, 14);
        contract(payroll, ContractType.DPA, today.minusYears(2), null, false, null);
        assess(payroll, 1, "Holds payroll and bank details of every employee; SOC 2 report reviewed, two findings open.",
                List.of(new FindingForm("No customer-managed encryption keys", FindingForm.Severity.MEDIUM, finance, today.plusDays(45))));

        Vendor hosting = vendor("Nimbus Cloud SE", "Nimbus", "DE", VendorStatus.ACTIVE, engineering, Criticality.CRITICAL,
                AccessLevel.PRIVILEGED, "Hosts the production platform and its backups.");
        process(service(hosting, "Infrastructure hosting"), Relationship.PROCESSOR, Set.of("contact", "identifiers", "usage"),
                Set.of("customers"), new Purpose("service_delivery", "contract"), Volume.UNDER_1M, Set.of("DE"), null);
        contract(hosting, ContractType.DPA, today.minusYears(1), null, false, null);
        certifications.save(new CertificationForm(null, 0, hosting.id(), CertificationType.ISO_27001, "ISO/IEC 27001:2022",
                today.minusYears(3).plusDays(20), today.plusDays(20), null, null));
        assess(hosting, 1, "Administrative access to production; ISO 27001 certified, certificate renews next month.", List.of());

        Vendor helpdesk = vendor("CloudDesk Inc.", "CloudDesk", "US", VendorStatus.ACTIVE, privacy, Criticality.HIGH,
                AccessLevel.LIMITED, "Customer support ticketing.");
        process(service(helpdesk, "Support ticketing"), Relationship.PROCESSOR, Set.of("contact", "communications"),
                Set.of("customers"), new Purpose("customer_support", "contract"), Volume.UNDER_100K, Set.of("US"), TransferMechanism.SCC);
        contract(helpdesk, ContractType.DPA, today.minusMonths(23), today.plusDays(34), false, null);
        contract(helpdesk, ContractType.SCC, today.minusMonths(23), null, false, null);
        assess(helpdesk, 2, "Customer contact data in the US under SCCs; transfer assessment on file.", List.of());

        Vendor mail = vendor("Mailrocket GmbH", "Mailrocket", "DE", VendorStatus.ACTIVE, engineering, Criticality.MEDIUM,
                AccessLevel.LIMITED, "Sends transactional email.");
        process(service(mail, "Email delivery"), Relationship.PROCESSOR, Set.of("contact"), Set.of("customers", "prospects"),
                new Purpose("service_delivery", "legitimate_interests"), Volume.UNDER_100K, Set.of("DE"), null);
        contract(mail, ContractType.MSA, today.minusMonths(8), today.plusMonths(16), true, 30);
        assess(mail, 3, "Email addresses only, EU hosting, DPA signed.", List.of());

        Vendor coffee = vendor("Beanery Office Supplies Ltd", "Beanery", "GB", VendorStatus.ACTIVE, finance, Criticality.LOW,
                AccessLevel.NONE, "Coffee and office supplies; no personal data.");
        contract(coffee, ContractType.MSA, today.minusMonths(5), today.plusMonths(7), false, null);
        assess(coffee, 4, "No access to personal data or systems.", List.of());

        Vendor recruiting = vendor("Talentsy AB", "Talentsy", "SE", VendorStatus.PROSPECT, privacy, Criticality.MEDIUM,
                AccessLevel.BROAD, "Applicant tracking system under evaluation.");
        process(service(recruiting, "Applicant tracking"), Relationship.PROCESSOR, Set.of("contact", "employment", "education"),
                Set.of("applicants"), new Purpose("recruitment", "consent"), Volume.UNDER_1K, Set.of("SE"), null);

        Vendor archive = vendor("Vaultline Archiving Ltd", "Vaultline", "GB", VendorStatus.OFFBOARDING, finance, Criticality.MEDIUM,
                AccessLevel.BROAD, "Former document archive; data being returned and deleted.");
        contract(archive, ContractType.MSA, today.minusYears(4), today.plusDays(12), false, null);
        assess(archive, 3, "Offboarding: deletion certificate requested.", List.of());

        Vendor crm = vendor("Legacy CRM Corp.", "OldCRM", "US", VendorStatus.TERMINATED, privacy, Criticality.HIGH,
                AccessLevel.BROAD, "Replaced last year; deletion confirmed.");
        assess(crm, 2, "Terminated; deletion of customer data confirmed in writing.", List.of());

        return new Summary(8, "8 vendors (every status and tier), 6 services with processing, 9 contracts, 1 certificate");
    }

    private Vendor vendor(String legalName, String tradingName, String country, VendorStatus status, long owner,
                          Criticality criticality, AccessLevel access, String description) {
        return registry.save(new VendorForm(null, 0, legalName, tradingName, null, country, status, owner, criticality, access,
                description, List.of()));
    }

    private long service(Vendor vendor, String name) {
        return services.save(new ProvidedService(null, vendor.id(), name, null, 0)).id();
    }

    private void process(long serviceId, Relationship relationship, Set<String> categories, Set<String> subjects, Purpose purpose,
                         Volume volume, Set<String> countries, TransferMechanism mechanism) {
        processing.save(new ProcessingForm(null, 0, serviceId, relationship, categories, subjects, List.of(purpose), volume,
                false, false, countries, countries, mechanism, null));
    }

    private void contract(Vendor vendor, ContractType type, LocalDate signed, LocalDate ends, boolean autoRenewal, Integer noticeDays) {
        contracts.save(new ContractForm(null, 0, vendor.id(), type, type.label() + " with " + vendor.tradingName(),
                ContractStatus.SIGNED, signed, signed, ends, autoRenewal, null, noticeDays));
    }

    private void assess(Vendor vendor, int tier, String summary, List<FindingForm> findings) {
        assessments.assess(new AssessmentForm(vendor.id(), tier, summary, findings));
    }
}
