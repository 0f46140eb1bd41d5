package dev.steward.dsr.fulfilment;

import dev.steward.dsr.requests.Regime;

import java.util.Arrays;
import java.util.List;

/**
 * The legal reasons to keep data despite a deletion request. The CCPA items are worded as the company's published
 * policy states them (its list follows Cal. Civ. Code 1798.105(d) as first enacted, nine items); the GDPR items are
 * Art. 17(3)(a)-(e).
 */
public enum ExceptionBasis {
    CCPA_D1("Cal. Civ. Code 1798.105(d)(1)", "Complete the transaction for which the personal information was collected, provide a good or service the consumer requested, take actions reasonably anticipated within the ongoing business relationship, or otherwise perform the contract"),
    CCPA_D2("Cal. Civ. Code 1798.105(d)(2)", "Detect security incidents, protect against malicious, deceptive, fraudulent, or illegal activity, or prosecute those responsible"),
    CCPA_D3("Cal. Civ. Code 1798.105(d)(3)", "Debug products to identify and repair errors that impair existing intended functionality"),
    CCPA_D4("Cal. Civ. Code 1798.105(d)(4)", "Exercise free speech, ensure the right of another consumer to exercise their free speech rights, or exercise another right provided for by law"),
    CCPA_D5("Cal. Civ. Code 1798.105(d)(5)", "Comply with the California Electronic Communications Privacy Act (Cal. Penal Code § 1546)"),
    CCPA_D6("Cal. Civ. Code 1798.105(d)(6)", "Engage in public or peer-reviewed scientific, historical, or statistical research in the public interest, when deletion may render the research impossible or seriously impair it, with the consumer's informed consent"),
    CCPA_D7("Cal. Civ. Code 1798.105(d)(7)", "Enable solely internal uses that are reasonably aligned with the consumer's expectations based on their relationship with the business"),
    CCPA_D8("Cal. Civ. Code 1798.105(d)(8)", "Comply with a legal obligation"),
    CCPA_D9("Cal. Civ. Code 1798.105(d)(9)", "Make other internal and lawful uses of the information that are compatible with the context in which it was provided"),
    GDPR_A("GDPR Art. 17(3)(a)", "Exercising the right of freedom of expression and information"),
    GDPR_B("GDPR Art. 17(3)(b)", "Compliance with a legal obligation, or a task in the public interest or in the exercise of official authority"),
    GDPR_C("GDPR Art. 17(3)(c)", "Reasons of public interest in the area of public health (Art. 9(2)(h) and (i), Art. 9(3))"),
    GDPR_D("GDPR Art. 17(3)(d)", "Archiving in the public interest, scientific or historical research or statistical purposes (Art. 89(1)), where erasure would render impossible or seriously impair them"),
    GDPR_E("GDPR Art. 17(3)(e)", "The establishment, exercise or defence of legal claims");

    private final String citation;
    private final String text;

    ExceptionBasis(String citation, String text) {
        this.citation = citation;
        this.text = text;
    }

    public String citation() {
        return citation;
    }

    public String text() {
        return text;
    }

    /** "GDPR Art. 17(3)(e): The establishment, exercise or defence of legal claims" */
    public String label() {
        return citation + ": " + text;
    }

    public boolean gdpr() {
        return name().startsWith("GDPR");
    }

    /** The bases offered for a request under this law: the GDPR's for GDPR and UK GDPR, the CCPA's otherwise. */
    public static List<ExceptionBasis> offeredFor(Regime regime) {
        boolean gdpr = regime == Regime.GDPR || regime == Regime.UK_GDPR;
        return Arrays.stream(values()).filter(b -> b.gdpr() == gdpr).toList();
    }
}
