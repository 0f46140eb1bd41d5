package dev.steward.incidents.assessment;

import java.math.BigDecimal;

/** ENISA severity bands: SE &lt; 2 low, 2 &le; SE &lt; 3 medium, 3 &le; SE &lt; 4 high, SE &ge; 4 very high. */
public enum SeverityBand {
    LOW("Low"), MEDIUM("Medium"), HIGH("High"), VERY_HIGH("Very high");

    private final String label;

    SeverityBand(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static SeverityBand of(BigDecimal score) {
        if (score.compareTo(BigDecimal.valueOf(2)) < 0) {
            return LOW;
        }
        if (score.compareTo(BigDecimal.valueOf(3)) < 0) {
            return MEDIUM;
        }
        return score.compareTo(BigDecimal.valueOf(4)) < 0 ? HIGH : VERY_HIGH;
    }
}
