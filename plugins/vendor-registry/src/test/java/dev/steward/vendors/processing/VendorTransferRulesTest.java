package dev.steward.vendors.processing;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class VendorTransferRulesTest {

    @Test
    void data_staying_in_the_eea_the_uk_or_adequate_countries_needs_no_mechanism() {
        assertThat(TransferRules.assess(List.of("DE", "NO", "GB"), List.of("CH", "JP"), null).gap()).isFalse();
    }

    @Test
    void a_third_country_without_a_mechanism_is_a_gap_naming_it() {
        TransferAssessment a = TransferRules.assess(List.of("DE"), List.of("IN", "BR"), null);
        assertThat(a.gap()).isTrue();
        assertThat(a.countriesNeedingSafeguard()).containsExactly("BR", "IN");
        assertThat(a.reason()).isEqualTo("No transfer mechanism recorded for BR, IN");
    }

    @Test
    void adequacy_recorded_for_a_country_without_a_decision_is_a_gap() {
        TransferAssessment a = TransferRules.assess(List.of("US", "CN"), List.of(), TransferMechanism.ADEQUACY);
        assertThat(a.gap()).isTrue();
        assertThat(a.reason()).startsWith("CN has no EU adequacy decision");
    }

    @Test
    void the_us_needs_the_dpf_claim_or_another_mechanism() {
        assertThat(TransferRules.assess(List.of("US"), List.of(), null).gap()).isTrue();
        TransferAssessment dpf = TransferRules.assess(List.of("US"), List.of(), TransferMechanism.ADEQUACY);
        assertThat(dpf.gap()).isFalse();
        assertThat(dpf.reason()).contains("Data Privacy Framework");
        assertThat(TransferRules.assess(List.of("CN", "US"), List.of(), TransferMechanism.SCC).gap()).isFalse();
    }

    @Test
    void a_covered_transfer_names_its_mechanism_in_words_not_its_code() {
        assertThat(TransferRules.assess(List.of("IN"), List.of(), TransferMechanism.SCC).reason())
                .isEqualTo("IN covered by Standard contractual clauses (Art. 46)");
        assertThat(TransferRules.assess(List.of("IN"), List.of(), TransferMechanism.BCR).reason()).doesNotContain("BCR");
    }

    @Test
    void every_eea_member_and_the_uk_are_home_ground() {
        assertThat(TransferJurisdictions.EEA).hasSize(30);
        assertThat(TransferJurisdictions.zoneOf("GB")).isEqualTo(TransferJurisdictions.Zone.EEA_OR_UK);
        assertThat(TransferJurisdictions.zoneOf("KR")).isEqualTo(TransferJurisdictions.Zone.ADEQUATE);
        assertThat(TransferJurisdictions.zoneOf("AU")).isEqualTo(TransferJurisdictions.Zone.THIRD_COUNTRY);
    }
}
