package dev.steward.vendors.risk;

import dev.steward.platform.validation.InvalidInputException;


/**
 * How inherent risk is computed: a weighted sum of the factor levels scaled to 0-100, then a tier by thresholds
 * (tier 1 is the riskiest); and how often each tier is reviewed.
 */
public record RiskRubric(int weightSensitivity, int weightVolume, int weightAccess, int weightCriticality, int weightLocation,
                         int tier1Min, int tier2Min, int tier3Min, int reviewMonthsTier1, int reviewMonthsTier2,
                         int reviewMonthsTier3, int reviewMonthsTier4, int version) {

    /** 0 when every factor is at level 1, 100 when every weighted factor is at level 4. */
    public int score(RiskFactors f) {
        int weights = weightSensitivity + weightVolume + weightAccess + weightCriticality + weightLocation;
        int points = weightSensitivity * (f.sensitivity() - 1) + weightVolume * (f.volume() - 1) + weightAccess * (f.access() - 1)
                + weightCriticality * (f.criticality() - 1) + weightLocation * (f.location() - 1);
        return Math.round(100f * points / (3f * weights));
    }

    public int tierFor(int score) {
        return score >= tier1Min ? 1 : score >= tier2Min ? 2 : score >= tier3Min ? 3 : 4;
    }

    public int reviewMonths(int tier) {
        return switch (tier) {
            case 1 -> reviewMonthsTier1;
            case 2 -> reviewMonthsTier2;
            case 3 -> reviewMonthsTier3;
            case 4 -> reviewMonthsTier4;
            default -> throw new IllegalArgumentException("A tier is 1 to 4, not " + tier);
        };
    }

    /** Throws {@link InvalidInputException} naming the first rule broken. */
    public void check() {
        int[] weights = {weightSensitivity, weightVolume, weightAccess, weightCriticality, weightLocation};
        for (int w : weights) {
            if (w < 0 || w > 10) {
                throw new InvalidInputException("weights", "A weight is 0 to 10");
            }
        }
        if (weightSensitivity + weightVolume + weightAccess + weightCriticality + weightLocation == 0) {
            throw new InvalidInputException("weights", "At least one factor needs a weight above 0");
        }
        if (!(100 >= tier1Min && tier1Min > tier2Min && tier2Min > tier3Min && tier3Min > 0)) {
            throw new InvalidInputException("thresholds",
                    "Thresholds must fall from tier 1 to tier 3 within 1-100 (e.g. 70, 45, 20); tier 4 is everything below tier 3");
        }
        for (int months : new int[]{reviewMonthsTier1, reviewMonthsTier2, reviewMonthsTier3, reviewMonthsTier4}) {
            if (months < 1 || months > 60) {
                throw new InvalidInputException("cadence", "A review cadence is 1 to 60 months");
            }
        }
        if (!(reviewMonthsTier1 <= reviewMonthsTier2 && reviewMonthsTier2 <= reviewMonthsTier3 && reviewMonthsTier3 <= reviewMonthsTier4)) {
            throw new InvalidInputException("cadence", "A riskier tier cannot be reviewed less often than a safer one");
        }
    }
}
