package dev.steward.incidents.assessment;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** SE = DPC x EI + CB, where CB sums the circumstances of the breach (each up to 0.5, plus 0.5 for malice). */
public record EnisaScore(BigDecimal score, SeverityBand band) {

    public static EnisaScore of(EnisaInput input) {
        var problems = input.problems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        BigDecimal score = input.dpc().multiply(input.ei()).add(input.circumstances()).setScale(2, RoundingMode.HALF_UP);
        return new EnisaScore(score, SeverityBand.of(score));
    }
}
