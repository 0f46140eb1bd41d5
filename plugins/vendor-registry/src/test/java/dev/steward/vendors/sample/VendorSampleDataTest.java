package dev.steward.vendors.sample;

import dev.steward.platform.catalog.CatalogKind;
import dev.steward.platform.sample.SampleInstall;
import dev.steward.platform.security.Role;
import dev.steward.vendors.VendorsTestBase;
import dev.steward.vendors.contracts.Contract;
import dev.steward.vendors.contracts.Contracts;
import dev.steward.vendors.processing.ProcessingRegister;
import dev.steward.vendors.processing.ProvidedServices;
import dev.steward.vendors.registry.VendorFilter;
import dev.steward.vendors.registry.VendorList;
import dev.steward.vendors.registry.VendorRow;
import dev.steward.vendors.registry.VendorStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

/** A demo start with the vendor registry: coherent sample vendors, made through the registry's services. */
@TestPropertySource(properties = "steward.demo=true")
class VendorSampleDataTest extends VendorsTestBase {

    private List<VendorRow> vendors;

    @BeforeEach
    void signInAsThePrivacyOfficer() {
        loginAs("priya", Role.PRIVACY_OFFICER);
        vendors = bean(VendorList.class).page(VendorFilter.none(), VendorList.Sort.NAME, false, 0, 100);
    }

    @Test
    void the_vendors_were_loaded_once_and_marked_as_sample_data() {
        assertThat(bean(SampleInstall.class).loadedModules()).containsExactly(SampleInstall.HOST, "vendors");
        assertThat(vendors).isNotEmpty();
    }

    @Test
    void every_vendor_status_and_every_tier_appears() {
        assertThat(vendors).extracting(VendorRow::status).containsAll(List.of(VendorStatus.values()));
        assertThat(vendors).extracting(VendorRow::tier).contains(1, 2, 3, 4);
    }

    @Test
    void the_business_owners_are_people_of_the_sample_company() {
        assertThat(vendors).extracting(VendorRow::ownerName).doesNotContainNull()
                .allMatch(name -> List.of("Tom Becker", "Maria Lopez", "Priya Shah").contains(name));
    }

    @Test
    void a_contract_ends_next_month_so_the_renewal_clock_runs() {
        LocalDate today = LocalDate.now();
        List<Contract> contracts = vendors.stream().flatMap(v -> bean(Contracts.class).ofVendor(v.id()).stream()).toList();
        assertThat(contracts).extracting(Contract::endsOn)
                .anyMatch(end -> end != null && end.isAfter(today) && end.isBefore(today.plusDays(40)));
        assertThat(bean(VendorList.class).count(new VendorFilter(null, null, null, null, null, 45, false, false, false)))
                .isPositive();
    }

    @Test
    void every_notice_date_is_still_ahead_and_one_is_within_the_next_two_weeks() {
        LocalDate today = LocalDate.now();
        List<LocalDate> noticeDates = vendors.stream().flatMap(v -> bean(Contracts.class).ofVendor(v.id()).stream())
                .map(c -> c.term().noticeBy()).filter(java.util.Objects::nonNull).toList();
        assertThat(noticeDates).isNotEmpty().allMatch(by -> !by.isBefore(today), "not before " + today);
        assertThat(noticeDates).anyMatch(by -> by.isBefore(today.plusDays(15)));
    }

    @Test
    void processing_uses_entries_of_the_privacy_catalogue() {
        var catalogue = dsl.select(field(name("code"), String.class)).from(table(name("platform", "catalog_entry")))
                .where(field(name("kind"), String.class).eq(CatalogKind.DATA_CATEGORY.name())).fetchSet(0, String.class);
        var categories = vendors.stream().flatMap(v -> bean(ProvidedServices.class).ofVendor(v.id()).stream())
                .flatMap(s -> bean(ProcessingRegister.class).ofService(s.id()).stream())
                .flatMap(p -> p.dataCategories().stream()).toList();
        assertThat(categories).isNotEmpty();
        assertThat(catalogue).containsAll(categories);
    }

    @Test
    void every_sample_vendor_is_audited_as_made_by_the_sample_loader() {
        assertThat(dsl.fetchCount(table(name("platform", "audit_log")), field(name("actor")).eq("sample-data")
                .and(field(name("module")).eq("vendors")))).isGreaterThanOrEqualTo(vendors.size());
    }
}
