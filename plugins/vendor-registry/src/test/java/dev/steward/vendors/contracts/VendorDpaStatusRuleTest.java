package dev.steward.vendors.contracts;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class VendorDpaStatusRuleTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

    private static ContractTerms.Term dpa(ContractStatus status, LocalDate effective, LocalDate ends, boolean autoRenewal) {
        return ContractTerms.of(status, effective, ends, autoRenewal, null, null, TODAY);
    }

    @Test
    void without_processing_as_processor_no_dpa_is_required_whatever_the_contracts() {
        assertThat(DpaStatusRule.derive(false, List.of(), TODAY).status()).isEqualTo(DpaStatus.NOT_REQUIRED);
    }

    @Test
    void required_and_absent_is_missing_and_a_draft_alone_is_draft() {
        assertThat(DpaStatusRule.derive(true, List.of(), TODAY).status()).isEqualTo(DpaStatus.MISSING);
        assertThat(DpaStatusRule.derive(true, List.of(dpa(ContractStatus.DRAFT, null, null, false)), TODAY).status()).isEqualTo(DpaStatus.DRAFT);
    }

    @Test
    void a_signed_dpa_in_force_wins_over_an_ended_one_and_warns_within_sixty_days_of_its_end() {
        var ended = dpa(ContractStatus.SIGNED, TODAY.minusYears(2), TODAY.minusDays(1), false);
        var current = dpa(ContractStatus.SIGNED, TODAY.minusDays(10), TODAY.plusDays(200), false);
        assertThat(DpaStatusRule.derive(true, List.of(ended, current), TODAY).status()).isEqualTo(DpaStatus.IN_PLACE);
        var closing = dpa(ContractStatus.SIGNED, TODAY.minusDays(10), TODAY.plusDays(60), false);
        assertThat(DpaStatusRule.derive(true, List.of(closing), TODAY)).satisfies(s -> {
            assertThat(s.status()).isEqualTo(DpaStatus.EXPIRING);
            assertThat(s.validUntil()).isEqualTo(TODAY.plusDays(60));
        });
        assertThat(DpaStatusRule.derive(true, List.of(dpa(ContractStatus.SIGNED, TODAY.minusDays(10), TODAY.plusDays(61), false)), TODAY).status())
                .isEqualTo(DpaStatus.IN_PLACE);
    }

    @Test
    void ended_or_terminated_dpas_alone_are_expired_and_a_future_one_is_not_yet_effective() {
        assertThat(DpaStatusRule.derive(true, List.of(dpa(ContractStatus.SIGNED, TODAY.minusYears(2), TODAY.minusDays(1), false)), TODAY).status())
                .isEqualTo(DpaStatus.EXPIRED);
        assertThat(DpaStatusRule.derive(true, List.of(dpa(ContractStatus.TERMINATED, TODAY.minusYears(2), null, false)), TODAY).status())
                .isEqualTo(DpaStatus.EXPIRED);
        assertThat(DpaStatusRule.derive(true, List.of(dpa(ContractStatus.SIGNED, TODAY.plusDays(5), null, false),
                dpa(ContractStatus.SIGNED, TODAY.minusYears(2), TODAY.minusDays(1), false)), TODAY).status()).isEqualTo(DpaStatus.SIGNED_NOT_EFFECTIVE);
    }

    @Test
    void an_auto_renewing_dpa_past_its_first_end_is_in_place_and_never_expiring() {
        var renewing = dpa(ContractStatus.SIGNED, TODAY.minusYears(3), TODAY.minusYears(2).plusDays(20), true);
        assertThat(DpaStatusRule.derive(true, List.of(renewing), TODAY)).satisfies(s -> {
            assertThat(s.status()).isEqualTo(DpaStatus.IN_PLACE);
            assertThat(s.validUntil()).isEqualTo(TODAY.plusDays(20));
        });
    }
}
