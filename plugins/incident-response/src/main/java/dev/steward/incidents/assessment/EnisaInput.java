package dev.steward.incidents.assessment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The inputs of the ENISA severity methodology (2013), each with the assessor's reasoning.
 *
 * @param dpcBasic the basic data-processing-context score: 1 simple, 2 behavioural, 3 financial, 4 sensitive
 * @param dpc      the final DPC after adjusting for context (1 to 4); a reason is required when it differs from the basic score
 * @param ei       ease of identification: 0.25 negligible, 0.5 limited, 0.75 significant, 1 maximum
 * @param cbConfidentiality loss of confidentiality, 0 to 0.5 (likewise integrity and availability)
 * @param cbMalicious malicious intent adds 0.5
 */
public record EnisaInput(int dpcBasic, BigDecimal dpc, String dpcReason, BigDecimal ei, String eiReason,
                         BigDecimal cbConfidentiality, BigDecimal cbIntegrity, BigDecimal cbAvailability,
                         boolean cbMalicious, String cbReason) {

    private static final Set<BigDecimal> EASE_OF_IDENTIFICATION = Set.of(new BigDecimal("0.25"), new BigDecimal("0.50"),
            new BigDecimal("0.75"), new BigDecimal("1.00"));
    private static final BigDecimal HALF = new BigDecimal("0.5");

    /** CB: the circumstances of the breach summed (each loss up to 0.5, plus 0.5 for malicious intent). */
    public BigDecimal circumstances() {
        return cbConfidentiality.add(cbIntegrity).add(cbAvailability).add(cbMalicious ? HALF : BigDecimal.ZERO);
    }

    /** "DPC 4 × EI 0.75 + CB 0.5": the inputs of the formula as the assessor chose them. */
    public String formula() {
        return "DPC " + dpc.stripTrailingZeros().toPlainString() + " × EI " + ei.stripTrailingZeros().toPlainString()
                + " + CB " + circumstances().stripTrailingZeros().toPlainString();
    }

    /** Every rule the inputs break, in words an assessor understands; empty when the inputs are valid. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (dpcBasic < 1 || dpcBasic > 4) {
            problems.add("The basic DPC score must be 1 (simple), 2 (behavioural), 3 (financial) or 4 (sensitive)");
        }
        if (dpc == null || dpc.compareTo(BigDecimal.ONE) < 0 || dpc.compareTo(BigDecimal.valueOf(4)) > 0) {
            problems.add("The final DPC score must be between 1 and 4");
        } else if (dpc.compareTo(BigDecimal.valueOf(dpcBasic)) != 0 && blank(dpcReason)) {
            problems.add("Explain why the DPC score was adjusted from " + dpcBasic + " to " + dpc.stripTrailingZeros().toPlainString());
        }
        if (ei == null || EASE_OF_IDENTIFICATION.stream().noneMatch(v -> v.compareTo(ei) == 0)) {
            problems.add("Ease of identification must be 0.25, 0.5, 0.75 or 1");
        }
        checkCircumstance("Loss of confidentiality", cbConfidentiality, problems);
        checkCircumstance("Loss of integrity", cbIntegrity, problems);
        checkCircumstance("Loss of availability", cbAvailability, problems);
        return problems;
    }

    private static void checkCircumstance(String name, BigDecimal value, List<String> problems) {
        if (value == null || value.signum() < 0 || value.compareTo(HALF) > 0) {
            problems.add(name + " must be between 0 and 0.5");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
