package dev.steward.vendors.risk;

import dev.steward.platform.validation.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VendorRiskRubricTest {

    static final RiskRubric DEFAULT = new RiskRubric(3, 2, 2, 2, 1, 70, 45, 20, 12, 24, 36, 48, 0);

    @Test
    void all_factors_low_score_zero_and_all_high_score_a_hundred() {
        assertThat(DEFAULT.score(new RiskFactors(1, 1, 1, 1, 1))).isZero();
        assertThat(DEFAULT.score(new RiskFactors(4, 4, 4, 4, 4))).isEqualTo(100);
    }

    @Test
    void the_score_is_the_weighted_share_of_the_points_and_the_tier_follows_the_thresholds() {
        // health data (4) for over a million people (4), limited access (2), high criticality (3), EEA only (1):
        // 3*3 + 2*3 + 2*1 + 2*2 + 1*0 = 21 of 30 points
        RiskFactors f = new RiskFactors(4, 4, 2, 3, 1);
        assertThat(DEFAULT.score(f)).isEqualTo(70);
        assertThat(DEFAULT.tierFor(70)).isEqualTo(1);
        assertThat(DEFAULT.tierFor(69)).isEqualTo(2);
        assertThat(DEFAULT.tierFor(45)).isEqualTo(2);
        assertThat(DEFAULT.tierFor(20)).isEqualTo(3);
        assertThat(DEFAULT.tierFor(19)).isEqualTo(4);
    }

    @Test
    void a_weight_of_zero_takes_a_factor_out() {
        RiskRubric locationOnly = new RiskRubric(0, 0, 0, 0, 5, 70, 45, 20, 12, 24, 36, 48, 0);
        assertThat(locationOnly.score(new RiskFactors(4, 4, 4, 4, 1))).isZero();
        assertThat(locationOnly.score(new RiskFactors(1, 1, 1, 1, 4))).isEqualTo(100);
    }

    @Test
    void a_rubric_that_makes_no_sense_is_refused_naming_what() {
        assertThatThrownBy(() -> new RiskRubric(0, 0, 0, 0, 0, 70, 45, 20, 12, 24, 36, 48, 0).check())
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems().getFirst().field()).isEqualTo("weights"));
        assertThatThrownBy(() -> new RiskRubric(3, 2, 2, 2, 1, 40, 45, 20, 12, 24, 36, 48, 0).check())
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems().getFirst().field()).isEqualTo("thresholds"));
        assertThatThrownBy(() -> new RiskRubric(3, 2, 2, 2, 1, 70, 45, 20, 36, 24, 36, 48, 0).check())
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.getMessage()).contains("less often"));
    }
}
