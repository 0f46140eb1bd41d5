package dev.steward.incidents;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RiskLevelTest {

    @Test
    void no_conclusion_yet_counts_as_a_risk_but_not_a_high_risk() {
        assertThat(RiskLevel.reaches(null, RiskLevel.RISK)).isTrue();
        assertThat(RiskLevel.reaches(null, RiskLevel.HIGH_RISK)).isFalse();
        assertThat(RiskLevel.reaches(RiskLevel.NONE, RiskLevel.RISK)).isFalse();
        assertThat(RiskLevel.reaches(RiskLevel.HIGH_RISK, RiskLevel.RISK)).isTrue();
        assertThat(RiskLevel.reaches(RiskLevel.NONE, null)).isTrue();
    }

    @Test
    void phases_run_in_order_and_closed_is_the_last() {
        assertThat(Phase.REPORTED.next()).isEqualTo(Phase.TRIAGE);
        assertThat(Phase.NOTIFIED.next()).isEqualTo(Phase.CLOSED);
        assertThat(Phase.CLOSED.next()).isNull();
    }
}
