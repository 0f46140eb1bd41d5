package dev.steward.vendors.processing;

import dev.steward.vendors.VendorsTestBase;
import dev.steward.platform.validation.InvalidInputException;
import dev.steward.vendors.processing.SubProcessors.ChainLink;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VendorSubProcessorTest extends VendorsTestBase {

    @Test
    void a_chain_is_viewable_to_its_depth_and_a_link_closing_a_cycle_is_refused_naming_the_cycle() {
        loginAsOfficer();
        ProvidedService crm = service(vendor("CRM Co"), "CRM");
        ProvidedService mail = service(vendor("Mailer"), "Email delivery");
        ProvidedService cloud = service(vendor("Cloud"), "Hosting");
        SubProcessors chains = bean(SubProcessors.class);
        chains.add(crm.id(), mail.id(), "sends notification emails");
        chains.add(mail.id(), cloud.id(), "hosting");

        assertThat(chains.chainBelow(crm.id())).extracting(ChainLink::depth, ChainLink::serviceName)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "Email delivery"), org.assertj.core.groups.Tuple.tuple(2, "Hosting"));
        assertThat(chains.usedBy(cloud.id())).extracting(ChainLink::serviceName).containsExactly("Email delivery");

        assertThatThrownBy(() -> chains.add(cloud.id(), crm.id(), null)).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.problems().getFirst().field()).isEqualTo("subService");
            assertThat(e.getMessage()).contains("Cloud " + suffix + " · Hosting → CRM Co " + suffix + " · CRM → Mailer " + suffix
                    + " · Email delivery → Cloud " + suffix + " · Hosting");
        });
        assertThatThrownBy(() -> chains.add(crm.id(), crm.id(), null)).hasMessageContaining("its own sub-processor");
        assertThatThrownBy(() -> chains.add(crm.id(), mail.id(), null)).hasMessageContaining("already a sub-processor");
        assertThat(chains.chainBelow(cloud.id())).isEmpty();
        assertThat(dsl.fetchCount(dsl.selectFrom("platform.audit_log").where("module = 'vendors' and entity_type = 'sub_processor'")))
                .isGreaterThanOrEqualTo(2);
    }
}
