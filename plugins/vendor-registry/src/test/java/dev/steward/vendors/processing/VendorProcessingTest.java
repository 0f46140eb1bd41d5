package dev.steward.vendors.processing;

import dev.steward.vendors.VendorsTestBase;
import dev.steward.platform.validation.InvalidInputException;
import dev.steward.platform.validation.ConcurrentChangeException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VendorProcessingTest extends VendorsTestBase {

    ProvidedService payments;
    ProcessingRegister register;

    @BeforeEach
    void paymentsService() {
        loginAsOfficer();
        payments = service(vendor("Payments Inc"), "Payment processing");
        register = bean(ProcessingRegister.class);
    }

    @Test
    void a_processing_keeps_catalogue_codes_purposes_with_legal_bases_and_is_audited() {
        Processing saved = register.save(new ProcessingForm(null, 0, payments.id(), Relationship.PROCESSOR, Set.of("payment", "contact"),
                Set.of("customers"), List.of(new Purpose("billing", "contract"), new Purpose("security", "legitimate_interests")),
                Volume.UNDER_1M, false, false, Set.of("ie", "DE"), Set.of("DE"), null, "tokenised cards"));

        assertThat(saved.dataCategories()).containsExactly("contact", "payment");
        assertThat(saved.processingCountries()).containsExactly("DE", "IE");
        assertThat(register.ofService(payments.id())).singleElement().satisfies(p -> {
            assertThat(p.purposes()).containsExactly(new Purpose("billing", "contract"), new Purpose("security", "legitimate_interests"));
            assertThat(p.transfer().gap()).isFalse();
            assertThat(p.specialCategory()).isFalse();
        });
        assertThat(auditEntries("processing", saved.id())).isEqualTo(1);
    }

    @Test
    void choosing_a_special_category_sets_the_special_category_flag() {
        ProcessingForm form = processing(payments, Relationship.PROCESSOR, Set.of("DE"), null);
        Processing saved = register.save(new ProcessingForm(null, 0, form.serviceId(), form.relationship(), Set.of("contact", "health"),
                form.subjectTypes(), form.purposes(), form.volume(), false, false, form.processingCountries(), Set.of(), null, null));
        assertThat(saved.specialCategory()).isTrue();
    }

    @Test
    void transfers_outside_the_eea_and_uk_without_a_mechanism_are_flagged_as_gaps() {
        Processing india = register.save(processing(payments, Relationship.PROCESSOR, Set.of("DE", "IN"), null));
        Processing indiaClaimedAdequate = register.save(processing(service(vendor("Other"), "Support"), Relationship.PROCESSOR, Set.of("IN"),
                TransferMechanism.ADEQUACY));
        Processing usWithScc = register.save(processing(service(vendor("Cloud"), "Hosting"), Relationship.PROCESSOR, Set.of("US"), TransferMechanism.SCC));
        Processing japan = register.save(processing(service(vendor("Tokyo"), "Analytics"), Relationship.PROCESSOR, Set.of("JP", "GB"), null));
        Processing usBare = register.save(processing(service(vendor("Mail"), "Email delivery"), Relationship.PROCESSOR, Set.of("US"), null));

        assertThat(india.transfer().gap()).isTrue();
        assertThat(india.transfer().reason()).isEqualTo("No transfer mechanism recorded for IN");
        assertThat(indiaClaimedAdequate.transfer().gap()).isTrue();
        assertThat(indiaClaimedAdequate.transfer().reason()).contains("IN has no EU adequacy decision");
        assertThat(usWithScc.transfer().gap()).isFalse();
        assertThat(japan.transfer().gap()).isFalse();
        assertThat(usBare.transfer().gap()).as("the US is adequate only for DPF-certified recipients: say so").isTrue();
        assertThat(dsl.fetchValue("select transfer_gap from vendors.processing where id = ?", india.id())).isEqualTo(true);
    }

    @Test
    void unknown_codes_or_countries_are_refused_by_field_and_nothing_is_written() {
        ProcessingForm ok = processing(payments, Relationship.PROCESSOR, Set.of("DE"), null);
        expect(new ProcessingForm(null, 0, ok.serviceId(), ok.relationship(), Set.of("contact", "shoe_size"), ok.subjectTypes(), ok.purposes(),
                ok.volume(), false, false, ok.processingCountries(), Set.of(), null, null), "dataCategories", "shoe_size");
        expect(new ProcessingForm(null, 0, ok.serviceId(), ok.relationship(), ok.dataCategories(), Set.of("martians"), ok.purposes(),
                ok.volume(), false, false, ok.processingCountries(), Set.of(), null, null), "subjectTypes", "martians");
        expect(new ProcessingForm(null, 0, ok.serviceId(), ok.relationship(), ok.dataCategories(), ok.subjectTypes(),
                List.of(new Purpose("billing", "because")), ok.volume(), false, false, ok.processingCountries(), Set.of(), null, null),
                "purposes", "legal basis of the privacy catalogue: because");
        expect(new ProcessingForm(null, 0, ok.serviceId(), ok.relationship(), ok.dataCategories(), ok.subjectTypes(), List.of(),
                ok.volume(), false, false, ok.processingCountries(), Set.of(), null, null), "purposes", "at least one purpose");
        expect(new ProcessingForm(null, 0, ok.serviceId(), ok.relationship(), ok.dataCategories(), ok.subjectTypes(), ok.purposes(),
                ok.volume(), false, false, Set.of("ZZ"), Set.of(), null, null), "processingCountries", "'ZZ' is not an ISO 3166");
        expect(new ProcessingForm(null, 0, ok.serviceId(), null, ok.dataCategories(), ok.subjectTypes(), ok.purposes(),
                ok.volume(), false, false, ok.processingCountries(), Set.of(), null, null), "relationship", "processor");
        assertThat(register.ofService(payments.id())).isEmpty();
    }

    @Test
    void a_stale_processing_save_is_refused_and_changes_nothing() {
        Processing saved = register.save(processing(payments, Relationship.PROCESSOR, Set.of("DE"), null));
        register.save(saved.toForm());
        ProcessingForm stale = saved.toForm();
        assertThatThrownBy(() -> register.save(new ProcessingForm(stale.id(), stale.version(), stale.serviceId(), Relationship.JOINT_CONTROLLER,
                stale.dataCategories(), stale.subjectTypes(), stale.purposes(), Volume.OVER_1M, false, false, Set.of("CN"), Set.of(), null, null)))
                .isInstanceOf(ConcurrentChangeException.class);
        assertThat(register.ofService(payments.id())).singleElement().satisfies(p -> {
            assertThat(p.relationship()).isEqualTo(Relationship.PROCESSOR);
            assertThat(p.processingCountries()).containsExactly("DE");
        });
    }

    @Test
    void a_vendor_cannot_have_two_services_of_one_name() {
        assertThatThrownBy(() -> bean(ProvidedServices.class).save(new ProvidedService(null, payments.vendorId(), "payment PROCESSING", null, 0)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems().getFirst().field()).isEqualTo("name"));
    }

    private void expect(ProcessingForm form, String field, String message) {
        assertThatThrownBy(() -> register.save(form)).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.problems().getFirst().field()).isEqualTo(field);
            assertThat(e.getMessage()).contains(message);
        });
    }
}
