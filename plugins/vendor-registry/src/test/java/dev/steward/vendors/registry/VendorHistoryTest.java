package dev.steward.vendors.registry;

import dev.steward.vendors.VendorsTestBase;
import dev.steward.vendors.contracts.Contract;
import dev.steward.vendors.contracts.ContractForm;
import dev.steward.vendors.contracts.ContractStatus;
import dev.steward.vendors.contracts.ContractType;
import dev.steward.vendors.contracts.Contracts;
import dev.steward.vendors.processing.Relationship;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class VendorHistoryTest extends VendorsTestBase {

    @Test
    void the_history_lists_every_change_to_the_vendor_and_its_records_newest_first_and_nothing_of_others() {
        loginAsOfficer();
        VendorRegistry vendors = bean(VendorRegistry.class);
        Vendor v = vendors.save(VendorForm.named("Historic " + suffix));
        Vendor other = vendor("Other");
        process(service(v, "Hosting"), Relationship.PROCESSOR, "DE");
        process(service(other, "Hosting"), Relationship.PROCESSOR, "DE");
        Contracts contracts = bean(Contracts.class);
        Contract draft = contracts.save(new ContractForm(null, 0, v.id(), ContractType.DPA, null, ContractStatus.DRAFT, null, null, null, false, null, null));
        contracts.save(new ContractForm(draft.id(), draft.version(), v.id(), ContractType.DPA, null, ContractStatus.SIGNED, LocalDate.now(),
                LocalDate.now(), null, false, null, null));
        Vendor reloaded = vendors.find(v.id()).orElseThrow();
        var f = reloaded.toForm();
        vendors.save(new VendorForm(f.id(), f.version(), f.legalName(), f.tradingName(), f.website(), f.hqCountry(), f.status(), null,
                f.criticality(), f.accessLevel(), f.description(), List.of(new Contact(null, "Ann", null, null, null, true, false))));

        List<VendorHistory.Entry> history = bean(VendorHistory.class).of(v.id());
        assertThat(history).extracting(e -> e.entityType() + " " + e.action()).containsExactly(
                "contact CREATE", "vendor UPDATE", "contract UPDATE", "contract CREATE", "processing CREATE",
                "vendor_service CREATE", "vendor CREATE");
        assertThat(history.get(2).after()).contains("\"status\":\"SIGNED\"");
        assertThat(history).allSatisfy(e -> assertThat(e.actor()).isEqualTo("olivia"));
    }
}
