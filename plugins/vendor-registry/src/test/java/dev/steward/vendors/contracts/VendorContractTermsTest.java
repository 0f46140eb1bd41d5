package dev.steward.vendors.contracts;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class VendorContractTermsTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

    @Test
    void an_auto_renewing_contract_rolls_its_term_forward_and_counts_notice_back_from_the_current_end() {
        var term = ContractTerms.of(ContractStatus.SIGNED, LocalDate.of(2023, 1, 1), LocalDate.of(2023, 12, 31), true, 12, 90, TODAY);
        assertThat(term.standing()).isEqualTo(ContractTerms.Standing.IN_FORCE);
        assertThat(term.currentEnd()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(term.noticeBy()).isEqualTo(LocalDate.of(2026, 10, 2));
    }

    @Test
    void a_term_ending_today_is_still_in_force_and_one_ended_yesterday_is_not() {
        assertThat(ContractTerms.of(ContractStatus.SIGNED, null, TODAY, false, null, null, TODAY).standing()).isEqualTo(ContractTerms.Standing.IN_FORCE);
        assertThat(ContractTerms.of(ContractStatus.SIGNED, null, TODAY.minusDays(1), false, null, null, TODAY).standing())
                .isEqualTo(ContractTerms.Standing.ENDED);
    }

    @Test
    void quarterly_renewal_terms_are_honoured() {
        var term = ContractTerms.of(ContractStatus.SIGNED, null, LocalDate.of(2026, 1, 31), true, 3, null, TODAY);
        assertThat(term.currentEnd()).isEqualTo(LocalDate.of(2027, 1, 31));
    }
}
