package dev.steward.incidents.assessment;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EnisaScoreTest {

    @ParameterizedTest(name = "DPC {0} x EI {1} + CB {2}/{3}/{4} malicious {5} = {6} ({7})")
    @CsvSource({
            // just below and at each band boundary
            "1, 1,    0.5,  0.25, 0.24, false, 1.99, LOW",
            "1, 1,    0.5,  0.5,  0,    false, 2.00, MEDIUM",
            "2, 1,    0.5,  0.25, 0.24, false, 2.99, MEDIUM",
            "3, 1,    0,    0,    0,    false, 3.00, HIGH",
            "3, 1,    0.49, 0,    0,    true,  3.99, HIGH",
            "4, 1,    0,    0,    0,    false, 4.00, VERY_HIGH",
            // the extremes
            "1, 0.25, 0,    0,    0,    false, 0.25, LOW",
            "4, 1,    0.5,  0.5,  0.5,  true,  6.00, VERY_HIGH",
            "4, 0.75, 0.25, 0,    0,    true,  3.75, HIGH",
    })
    void score_and_band(int dpc, String ei, String conf, String integ, String avail, boolean malicious, String score, SeverityBand band) {
        EnisaInput input = new EnisaInput(dpc, BigDecimal.valueOf(dpc), null, new BigDecimal(ei), null, new BigDecimal(conf),
                new BigDecimal(integ), new BigDecimal(avail), malicious, null);
        EnisaScore result = EnisaScore.of(input);
        assertThat(result.score()).isEqualByComparingTo(score);
        assertThat(result.band()).isEqualTo(band);
    }

    @Test
    void an_adjusted_dpc_needs_its_reason_and_inputs_outside_the_method_are_refused() {
        EnisaInput adjusted = new EnisaInput(2, new BigDecimal("3"), " ", new BigDecimal("0.5"), null, BigDecimal.ZERO,
                BigDecimal.ZERO, new BigDecimal("0.6"), false, null);
        assertThat(adjusted.problems()).containsExactly("Explain why the DPC score was adjusted from 2 to 3",
                "Loss of availability must be between 0 and 0.5");
        EnisaInput wrongEase = new EnisaInput(5, new BigDecimal("4.5"), "x", new BigDecimal("0.6"), null, BigDecimal.ZERO,
                BigDecimal.ZERO, BigDecimal.ZERO, false, null);
        assertThat(wrongEase.problems()).containsExactly(
                "The basic DPC score must be 1 (simple), 2 (behavioural), 3 (financial) or 4 (sensitive)",
                "The final DPC score must be between 1 and 4", "Ease of identification must be 0.25, 0.5, 0.75 or 1");
        assertThatThrownBy(() -> EnisaScore.of(adjusted)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("adjusted from 2 to 3");
    }
}
