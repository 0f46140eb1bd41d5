package dev.steward.vendors.registry;

import dev.steward.vendors.VendorsTestBase;
import dev.steward.platform.security.Role;
import dev.steward.platform.validation.InvalidInputException;
import dev.steward.platform.validation.ConcurrentChangeException;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;

import java.util.List;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VendorRegistryTest extends VendorsTestBase {

    private VendorForm stripe(Long owner) {
        return new VendorForm(null, 0, "Stripe Payments Europe Ltd " + suffix, "Stripe", "stripe.com", "ie", VendorStatus.ACTIVE, owner,
                Criticality.HIGH, AccessLevel.LIMITED, "Card payments",
                List.of(new Contact(null, "Privacy Team", "DPO", "privacy@stripe.example", null, false, true),
                        new Contact(null, "Security Desk", "CISO office", "security@stripe.example", "+353 1 000", true, false)));
    }

    @Test
    void a_vendor_is_saved_with_its_contacts_normalised_and_audited() {
        long owner = ownerWithUser("paula");
        loginAsOfficer();
        Vendor saved = bean(VendorRegistry.class).save(stripe(owner));

        assertThat(saved.hqCountry()).isEqualTo("IE");
        assertThat(saved.website()).isEqualTo("https://stripe.com");
        assertThat(saved.ownerName()).isEqualTo("paula " + suffix);
        assertThat(saved.contacts()).extracting(Contact::name).containsExactly("Privacy Team", "Security Desk");
        assertThat(saved.contacts()).filteredOn(Contact::securityContact).extracting(Contact::email).containsExactly("security@stripe.example");
        assertThat(auditEntries("vendor", saved.id())).isEqualTo(1);
        assertThat(dsl.fetchCount(dsl.selectFrom("platform.audit_log").where("module = 'vendors' and entity_type = 'contact'"))).isGreaterThanOrEqualTo(2);
    }

    @Test
    void removing_a_contact_and_changing_a_field_bumps_the_version_and_keeps_the_rest() {
        loginAsOfficer();
        VendorRegistry vendors = bean(VendorRegistry.class);
        Vendor saved = vendors.save(stripe(null));
        VendorForm form = saved.toForm();
        Vendor changed = vendors.save(new VendorForm(form.id(), form.version(), form.legalName(), form.tradingName(), form.website(), "US",
                form.status(), null, Criticality.CRITICAL, form.accessLevel(), form.description(), List.of(saved.contacts().get(1))));

        assertThat(changed.version()).isEqualTo(saved.version() + 1);
        assertThat(changed.hqCountry()).isEqualTo("US");
        assertThat(changed.contacts()).extracting(Contact::id).containsExactly(saved.contacts().get(1).id());
        assertThat(auditEntries("vendor", saved.id())).isEqualTo(2);
    }

    @Test
    void a_stale_save_is_refused_with_a_clear_message_and_changes_nothing() {
        loginAsOfficer();
        VendorRegistry vendors = bean(VendorRegistry.class);
        Vendor saved = vendors.save(stripe(null));
        vendors.save(saved.toForm());
        VendorForm stale = saved.toForm();
        VendorForm renamed = new VendorForm(stale.id(), stale.version(), "Renamed " + suffix, null, null, null, VendorStatus.TERMINATED,
                null, Criticality.LOW, AccessLevel.NONE, null, List.of());

        assertThatThrownBy(() -> vendors.save(renamed)).isInstanceOf(ConcurrentChangeException.class)
                .hasMessageContaining("Someone else changed this vendor");
        Vendor now = vendors.find(saved.id()).orElseThrow();
        assertThat(now.legalName()).isEqualTo(saved.legalName());
        assertThat(now.contacts()).hasSize(2);
    }

    @Test
    void bad_input_is_refused_field_by_field_and_nothing_is_written() {
        loginAsOfficer();
        VendorRegistry vendors = bean(VendorRegistry.class);
        vendors.save(stripe(null));
        int before = vendorCount();

        expectError(vendors, f -> with(f, "  ", f.hqCountry(), f.website(), f.ownerPersonId(), f.contacts()), "legalName", "legal name");
        expectError(vendors, f -> with(f, "Other " + suffix, "XX", f.website(), f.ownerPersonId(), f.contacts()), "hqCountry", "'XX' is not an ISO 3166");
        expectError(vendors, f -> with(f, "Other " + suffix, "DE", "not a site", f.ownerPersonId(), f.contacts()), "website", "not a web address");
        expectError(vendors, f -> with(f, "Other " + suffix, "DE", null, -5L, f.contacts()), "owner", "not in the people directory");
        expectError(vendors, f -> with(f, "STRIPE PAYMENTS EUROPE LTD " + suffix.toUpperCase(), "DE", null, null, f.contacts()), "legalName",
                "already registered");
        expectError(vendors, f -> with(f, "Other " + suffix, "DE", null, null,
                List.of(new Contact(null, "Ann", null, "ann-at-example", null, false, false))), "contacts", "not an email address");
        assertThat(vendorCount()).isEqualTo(before);
    }

    @Test
    void a_business_owner_changes_their_own_vendor_but_not_others_nor_its_owner() {
        long paula = ownerWithUser("paula");
        long other = ownerWithUser("oscar");
        loginAsOfficer();
        VendorRegistry vendors = bean(VendorRegistry.class);
        Vendor hers = vendors.save(stripe(paula));
        Vendor his = vendors.save(VendorForm.named("Acme " + suffix).withOwner(other));

        loginAs("paula-" + suffix, Role.MANAGER);
        Vendor updated = vendors.save(new VendorForm(hers.id(), hers.version(), hers.legalName(), hers.tradingName(), hers.website(), "IE",
                VendorStatus.OFFBOARDING, paula, hers.criticality(), hers.accessLevel(), "Moving to another provider", hers.contacts()));
        assertThat(updated.status()).isEqualTo(VendorStatus.OFFBOARDING);

        assertThatThrownBy(() -> vendors.find(his.id())).isInstanceOf(AccessDeniedException.class).hasMessageContaining("business owner");
        assertThatThrownBy(() -> vendors.save(his.toForm())).isInstanceOf(AccessDeniedException.class).hasMessageContaining("business owner");
        assertThatThrownBy(() -> vendors.save(updated.toForm().withOwner(other))).isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("another business owner");
        assertThatThrownBy(() -> vendors.save(VendorForm.named("New " + suffix))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_new_business_owner_is_told_once() {
        long paula = ownerWithUser("paula");
        loginAsOfficer();
        VendorRegistry vendors = bean(VendorRegistry.class);
        Vendor saved = vendors.save(VendorForm.named("Owned " + suffix));
        Vendor owned = vendors.save(saved.toForm().withOwner(paula));
        vendors.save(owned.toForm());
        assertThat(dsl.fetch("select title, link from platform.notification where recipient = ?", "paula-" + suffix))
                .extracting(r -> r.get(0, String.class) + " " + r.get(1, String.class))
                .containsExactly("You are the business owner of Owned " + suffix + " vendors/mine/" + saved.id());
    }

    private static VendorForm with(VendorForm f, String legalName, String hq, String website, Long owner, List<Contact> contacts) {
        return new VendorForm(null, 0, legalName, f.tradingName(), website, hq, f.status(), owner, f.criticality(), f.accessLevel(),
                f.description(), contacts);
    }

    private void expectError(VendorRegistry vendors, UnaryOperator<VendorForm> change, String field, String message) {
        assertThatThrownBy(() -> vendors.save(change.apply(stripe(null)))).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.problems().getFirst().field()).isEqualTo(field);
            assertThat(e.getMessage()).contains(message);
        });
    }
}
