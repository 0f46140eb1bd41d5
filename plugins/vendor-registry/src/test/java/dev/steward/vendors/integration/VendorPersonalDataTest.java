package dev.steward.vendors.integration;

import dev.steward.platform.inventory.PersonalDataMap;
import dev.steward.platform.spi.PersonalDataHolders.DataHolder;
import dev.steward.platform.spi.PersonalDataHolders.HolderKind;
import dev.steward.vendors.VendorsTestBase;
import dev.steward.vendors.processing.ProcessingForm;
import dev.steward.vendors.processing.ProcessingRegister;
import dev.steward.vendors.processing.ProvidedService;
import dev.steward.vendors.processing.Purpose;
import dev.steward.vendors.processing.Relationship;
import dev.steward.vendors.processing.SubProcessors;
import dev.steward.vendors.processing.Volume;
import dev.steward.vendors.registry.AccessLevel;
import dev.steward.vendors.registry.Contact;
import dev.steward.vendors.registry.Criticality;
import dev.steward.vendors.registry.Vendor;
import dev.steward.vendors.registry.VendorForm;
import dev.steward.vendors.registry.VendorRegistry;
import dev.steward.vendors.registry.VendorStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

/** Vendors on the platform's map of personal data: processors with their categories and contact, and their sub-processor chains. */
class VendorPersonalDataTest extends VendorsTestBase {

    @Autowired
    PersonalDataMap map;

    long owner;
    Vendor crm;
    Vendor mailer;
    Vendor cloud;
    Vendor advisor;
    Vendor prospect;

    /** CRM Co processes contact and payment data in one service and health data in another; its email goes out through Mailer, hosted by Cloud. */
    @BeforeEach
    void processorsAndTheirChain() {
        owner = ownerWithUser("carla");
        loginAsOfficer();
        crm = active("CRM Co", owner, List.of(new Contact(null, "Sales", "Account manager", "sales@crm.example", null, false, false),
                new Contact(null, "Privacy office", "Data Protection Officer", "dpo@crm.example", null, false, false)));
        mailer = active("Mailer", null, List.of(new Contact(null, "Support", null, "help@mailer.example", null, false, false)));
        cloud = active("Cloud", null, List.of());
        advisor = active("Advisor", null, List.of());
        prospect = vendor("Prospect");
        ProvidedService crmApp = service(crm, "CRM");
        ProvidedService crmCare = service(crm, "Care");
        ProvidedService mail = service(mailer, "Email delivery");
        ProvidedService hosting = service(cloud, "Hosting");
        save(crmApp, Relationship.PROCESSOR, List.of("service_delivery", "billing"), "contact", "payment");
        save(crmCare, Relationship.JOINT_CONTROLLER, List.of("customer_support"), "health");
        save(service(advisor, "Advice"), Relationship.INDEPENDENT_CONTROLLER, List.of("marketing"), "contact");
        save(service(prospect, "Trial"), Relationship.PROCESSOR, List.of("service_delivery"), "contact");
        SubProcessors chains = bean(SubProcessors.class);
        chains.add(crmApp.id(), mail.id(), "notification emails");
        chains.add(mail.id(), hosting.id(), "hosting");
    }

    @Test
    void a_processor_holds_the_union_of_its_processing_categories_with_its_privacy_contact_and_owner() {
        assertThat(mine(HolderKind.PROCESSOR)).extracting(DataHolder::id, DataHolder::dataCategories, DataHolder::ownerPersonId,
                        DataHolder::contactEmail, DataHolder::viaId, DataHolder::type)
                .containsExactly(tuple(id(crm), Set.of("contact", "payment", "health"), owner, "dpo@crm.example", null, "vendors.vendor"));
    }

    @Test
    void a_processor_and_its_sub_processors_carry_the_purposes_of_the_processing_records_they_hold_data_for() {
        assertThat(mine(HolderKind.PROCESSOR)).extracting(DataHolder::purposes)
                .containsExactly(Set.of("service_delivery", "billing", "customer_support"));
        assertThat(mine(HolderKind.SUB_PROCESSOR)).extracting(DataHolder::id, DataHolder::purposes).containsExactlyInAnyOrder(
                tuple(id(mailer), Set.of("service_delivery", "billing")), tuple(id(cloud), Set.of("service_delivery", "billing")));
    }

    @Test
    void independent_controllers_and_prospects_are_not_processors() {
        assertThat(mine(null)).extracting(DataHolder::id).doesNotContain(id(advisor), id(prospect));
    }

    @Test
    void sub_processors_are_listed_down_the_chain_each_with_the_vendor_it_works_for() {
        assertThat(mine(HolderKind.SUB_PROCESSOR)).extracting(DataHolder::id, DataHolder::viaId, DataHolder::dataCategories,
                        DataHolder::contactEmail)
                .containsExactlyInAnyOrder(tuple(id(mailer), id(crm), Set.of("contact", "payment"), "help@mailer.example"),
                        tuple(id(cloud), id(mailer), Set.of("contact", "payment"), null));
    }

    @Test
    void holders_of_a_category_are_those_naming_it() {
        List<DataHolder> mine = mine(null);
        assertThat(map.holdersOf(Set.of("health"))).filteredOn(mine::contains)
                .extracting(DataHolder::id, DataHolder::kind).containsExactly(tuple(id(crm), HolderKind.PROCESSOR));
        assertThat(map.holdersOf(Set.of("payment", "location"))).filteredOn(mine::contains).hasSize(3);
    }

    @Test
    void a_disabled_vendor_registry_contributes_nothing() {
        registry.setEnabled("vendors", false, "test");
        try {
            assertThat(map.holders()).extracting(DataHolder::type).doesNotContain(VendorLinks.TYPE);
        } finally {
            registry.setEnabled("vendors", true, "test");
        }
        assertThat(mine(null)).isNotEmpty();
    }

    @Test
    void the_map_is_only_for_signed_in_callers() {
        SecurityContextHolder.clearContext();
        assertThatThrownBy(() -> map.holders()).isInstanceOf(org.springframework.security.core.AuthenticationException.class);
    }

    private List<DataHolder> mine(HolderKind kind) {
        Set<String> ids = Set.of(id(crm), id(mailer), id(cloud), id(advisor), id(prospect));
        return map.holders().stream().filter(h -> h.type().equals(VendorLinks.TYPE) && ids.contains(h.id()))
                .filter(h -> kind == null || h.kind() == kind).toList();
    }

    private Vendor active(String name, Long ownerPerson, List<Contact> contacts) {
        return bean(VendorRegistry.class).save(new VendorForm(null, 0, name + " " + suffix, null, null, null, VendorStatus.ACTIVE, ownerPerson,
                Criticality.MEDIUM, AccessLevel.NONE, null, contacts));
    }

    private void save(ProvidedService service, Relationship relationship, List<String> purposes, String... categories) {
        bean(ProcessingRegister.class).save(new ProcessingForm(null, 0, service.id(), relationship, Set.of(categories), Set.of("customers"),
                purposes.stream().map(p -> new Purpose(p, "contract")).toList(), Volume.UNDER_100K, false, false, Set.of("DE"), Set.of(), null, null));
    }

    private static String id(Vendor vendor) {
        return Long.toString(vendor.id());
    }
}
