package dev.steward.vendors.integration;

import dev.steward.vendors.VendorsTestBase;
import dev.steward.platform.deadlines.DeadlineReminders;
import dev.steward.platform.spi.DeadlineSource;
import dev.steward.platform.spi.DeadlineSource.Deadline;
import dev.steward.platform.spi.DeadlineSource.DeadlineQuery;
import dev.steward.vendors.contracts.CertificationForm;
import dev.steward.vendors.contracts.CertificationType;
import dev.steward.vendors.contracts.Certifications;
import dev.steward.vendors.contracts.ContractForm;
import dev.steward.vendors.contracts.ContractStatus;
import dev.steward.vendors.contracts.ContractType;
import dev.steward.vendors.contracts.Contracts;
import dev.steward.vendors.processing.Relationship;
import dev.steward.vendors.registry.Vendor;
import dev.steward.vendors.registry.VendorForm;
import dev.steward.vendors.registry.VendorRegistry;
import dev.steward.vendors.risk.AssessmentForm;
import dev.steward.vendors.risk.Assessments;
import dev.steward.vendors.tasks.ReassessmentTasks;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class VendorDeadlinesTest extends VendorsTestBase {

    static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @Autowired
    DeadlineReminders reminders;

    private DeadlineSource source() {
        return registry.contributions(DeadlineSource.class).stream()
                .filter(s -> s.getClass().getName().startsWith("dev.steward.vendors")).findFirst().orElseThrow();
    }

    /** Paula owns a vendor with a DPA ending in 20 days (30 days' notice) and an ISO certificate that expired yesterday. */
    private Vendor paulasVendor() {
        long paula = ownerWithUser("paula");
        loginAsOfficer();
        Vendor v = bean(VendorRegistry.class).save(VendorForm.named("Shipping Co " + suffix).withOwner(paula));
        process(service(v, "Shipping"), Relationship.PROCESSOR, "DE");
        bean(Contracts.class).save(new ContractForm(null, 0, v.id(), ContractType.DPA, "DPA", ContractStatus.SIGNED, TODAY.minusYears(1),
                TODAY.minusYears(1), TODAY.plusDays(20), false, null, 30));
        bean(Certifications.class).save(new CertificationForm(null, 0, v.id(), CertificationType.ISO_27001, null, TODAY.minusYears(3),
                TODAY.minusDays(1), null, null));
        return v;
    }

    @Test
    void contract_end_notice_period_and_certificate_expiry_are_the_owners_deadlines() {
        Vendor v = paulasVendor();
        List<Deadline> mine = source().deadlines(new DeadlineQuery(Set.of("paula-" + suffix), null, true));

        assertThat(mine).extracting(Deadline::title).containsExactlyInAnyOrder(
                "DPA with " + v.legalName() + " ends",
                "Last day to give notice on the DPA with " + v.legalName(),
                "ISO 27001 of " + v.legalName() + " expires");
        Deadline notice = mine.stream().filter(d -> d.title().startsWith("Last day")).findFirst().orElseThrow();
        assertThat(notice.state()).as("the notice date passed ten days ago").isEqualTo(DeadlineSource.State.MISSED);
        assertThat(notice.due()).isEqualTo(TODAY.minusDays(10).atStartOfDay(ZoneOffset.UTC).toInstant());
        assertThat(notice.link()).isEqualTo("vendors/" + v.id());
        assertThat(source().deadlines(new DeadlineQuery(Set.of("someone-else"), null, true))).isEmpty();

        bean(Certifications.class).save(new CertificationForm(null, 0, v.id(), CertificationType.ISO_27001, null, TODAY, TODAY.plusYears(3), null, null));
        assertThat(source().deadlines(new DeadlineQuery(Set.of("paula-" + suffix), null, false)))
                .filteredOn(d -> d.title().startsWith("ISO 27001")).extracting(Deadline::state)
                .containsExactlyInAnyOrder(DeadlineSource.State.MET, DeadlineSource.State.OPEN);
    }

    @Test
    void the_owner_is_reminded_sixty_days_ahead_of_a_contracts_end() {
        Vendor v = paulasVendor();
        reminders.runOnce(Instant.now());
        assertThat(dsl.fetch("select title from platform.notification where recipient = ?", "paula-" + suffix).getValues(0, String.class))
                .contains("Due soon: DPA with " + v.legalName() + " ends");
    }

    @Test
    void an_expired_certificate_opens_one_reassessment_task_closed_by_the_next_assessment() {
        Vendor v = paulasVendor();
        ExpiryWatch watch = bean(ExpiryWatch.class);
        assertThat(watch.runOnce(TODAY)).isGreaterThanOrEqualTo(1);
        assertThat(watch.runOnce(TODAY)).as("once per expiry").isZero();
        ReassessmentTasks tasks = bean(ReassessmentTasks.class);
        assertThat(tasks.ofVendor(v.id())).singleElement().satisfies(t -> {
            assertThat(t.reason()).isEqualTo("ISO 27001 certificate expired on " + TODAY.minusDays(1));
            assertThat(t.dueOn()).isEqualTo(TODAY.plusDays(ReassessmentTasks.DAYS_TO_REASSESS));
        });
        assertThat(dsl.fetch("select title from platform.notification where recipient = ?", "paula-" + suffix).getValues(0, String.class))
                .anyMatch(t -> t.startsWith("Reassess " + v.legalName()));
        assertThat(source().deadlines(new DeadlineQuery(Set.of("paula-" + suffix), null, true)))
                .anyMatch(d -> d.title().startsWith("Reassess " + v.legalName()));

        bean(Assessments.class).assess(new AssessmentForm(v.id(), 3, "Certificate renewal in progress; controls unchanged", List.of()));
        assertThat(tasks.ofVendor(v.id())).singleElement().satisfies(t -> assertThat(t.doneBy()).isEqualTo("olivia"));
    }

    @Test
    void an_expired_dpa_opens_a_reassessment_task() {
        long paula = ownerWithUser("paula");
        loginAsOfficer();
        Vendor v = bean(VendorRegistry.class).save(VendorForm.named("Old DPA " + suffix).withOwner(paula));
        process(service(v, "Hosting"), Relationship.PROCESSOR, "DE");
        bean(Contracts.class).save(new ContractForm(null, 0, v.id(), ContractType.DPA, "DPA", ContractStatus.SIGNED, TODAY.minusYears(2),
                TODAY.minusYears(2), TODAY.minusDays(3), false, null, null));
        assertThat(bean(ExpiryWatch.class).runOnce(TODAY)).isGreaterThanOrEqualTo(1);
        assertThat(bean(ReassessmentTasks.class).ofVendor(v.id())).singleElement()
                .satisfies(t -> assertThat(t.reason()).isEqualTo("The DPA ended on " + TODAY.minusDays(3)));
    }
}
