package dev.steward.vendors.security;

import dev.steward.testkit.console.PluginServiceTestBase;
import dev.steward.platform.people.EmploymentStatus;
import dev.steward.platform.people.PeopleDirectory;
import dev.steward.platform.people.PersonForm;
import dev.steward.platform.security.Role;
import dev.steward.platform.security.UserAccountService;
import dev.steward.vendors.registry.Vendor;
import dev.steward.vendors.registry.VendorForm;
import dev.steward.vendors.registry.VendorRegistry;
import dev.steward.vendors.risk.AssessmentForm;
import dev.steward.vendors.risk.Assessments;
import dev.steward.vendors.risk.Finding;
import dev.steward.vendors.risk.FindingForm;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 12: a vendor's business owner could accept (take the risk of) the findings of their own vendor's assessment.
 * Segregation of duties: whoever owns the vendor may resolve its findings, never accept their risk, whatever else
 * they hold; a privacy officer who is not the owner can.
 */
class FindingAcceptanceAttackTest extends PluginServiceTestBase {

    static final String REASON = "The vendor's business owner cannot accept its own risk; a privacy officer or another risk approver can";

    @Autowired
    PeopleDirectory people;
    @Autowired
    UserAccountService users;

    final String suffix = UUID.randomUUID().toString().substring(0, 6);
    Vendor vendor;
    long ownerPerson;

    @Override
    protected String pluginId() {
        return "vendors";
    }

    @BeforeEach
    void aVendorWithTwoOpenFindings() {
        ownerPerson = personWithUser("bob", Role.MANAGER);
        loginAs("olivia", Role.PRIVACY_OFFICER);
        vendor = bean(VendorRegistry.class).save(VendorForm.named("Payroll Cloud " + suffix).withOwner(ownerPerson));
        bean(Assessments.class).assess(new AssessmentForm(vendor.id(), 2, "Support staff reach payroll data without MFA", List.of(
                new FindingForm("No MFA for support staff", FindingForm.Severity.HIGH, ownerPerson, LocalDate.now().plusDays(30)),
                new FindingForm("No pen test this year", FindingForm.Severity.MEDIUM, ownerPerson, LocalDate.now().plusDays(60)))));
    }

    @Test
    void the_business_owner_cannot_accept_the_risk_of_their_own_vendor_but_may_resolve_a_finding() {
        loginAs("bob-" + suffix, Role.MANAGER);
        Assessments assessments = bean(Assessments.class);
        Finding mfa = finding("No MFA for support staff");

        assertThatThrownBy(() -> assessments.closeFinding(mfa.id(), mfa.version(), Finding.Status.ACCEPTED))
                .isInstanceOf(AccessDeniedException.class).hasMessage(REASON);
        assertThat(assessments.whyNotAcceptRisk(vendor.id())).contains(REASON);
        assertThat(finding("No MFA for support staff").status()).isEqualTo(Finding.Status.OPEN);

        Finding penTest = finding("No pen test this year");
        assessments.closeFinding(penTest.id(), penTest.version(), Finding.Status.RESOLVED);
        assertThat(finding("No pen test this year").status()).isEqualTo(Finding.Status.RESOLVED);
    }

    @Test
    void a_privacy_officer_who_owns_the_vendor_is_refused_too_and_another_privacy_officer_accepts() {
        long officerPerson = personWithUser("petra", Role.PRIVACY_OFFICER);
        loginAs("olivia", Role.PRIVACY_OFFICER);
        Vendor reloaded = bean(VendorRegistry.class).find(vendor.id()).orElseThrow();
        bean(VendorRegistry.class).save(new VendorForm(reloaded.id(), reloaded.version(), reloaded.legalName(), null, null, null,
                reloaded.status(), officerPerson, reloaded.criticality(), reloaded.accessLevel(), null, List.of()));
        Finding mfa = finding("No MFA for support staff");

        loginAs("petra-" + suffix, Role.PRIVACY_OFFICER);
        assertThatThrownBy(() -> bean(Assessments.class).closeFinding(mfa.id(), mfa.version(), Finding.Status.ACCEPTED))
                .isInstanceOf(AccessDeniedException.class).hasMessage(REASON);

        loginAs("olivia", Role.PRIVACY_OFFICER);
        assertThat(bean(Assessments.class).whyNotAcceptRisk(vendor.id())).isEmpty();
        bean(Assessments.class).closeFinding(mfa.id(), mfa.version(), Finding.Status.ACCEPTED);
        assertThat(finding("No MFA for support staff").status()).isEqualTo(Finding.Status.ACCEPTED);
    }

    private Finding finding(String title) {
        return bean(Assessments.class).findings(vendor.id()).stream().filter(f -> f.title().equals(title)).findFirst().orElseThrow();
    }

    /** A person and a console user with the same email: how the registry knows a business owner. */
    private long personWithUser(String name, Role role) {
        loginAs("setup", Role.ADMIN, Role.PRIVACY_OFFICER);
        String email = name + "-" + suffix + "@example.org";
        long person = people.save(new PersonForm(null, 0, name.toUpperCase() + "-" + suffix, name + " " + suffix, email, null, null, null,
                EmploymentStatus.ACTIVE, null, null));
        users.create(name + "-" + suffix, name, email, EnumSet.of(role));
        return person;
    }
}
