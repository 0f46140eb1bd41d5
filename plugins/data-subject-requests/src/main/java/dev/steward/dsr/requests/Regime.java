package dev.steward.dsr.requests;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The law a request is answered under, decided by where the requester lives. A jurisdiction no listed law covers is
 * answered under the company's own policy ({@link #POLICY}), whose promise is then the only clock.
 */
public enum Regime {
    GDPR("EU GDPR", "Regulation (EU) 2016/679, Art. 12-23", Set.of("AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR",
            "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO")),
    UK_GDPR("UK GDPR", "UK GDPR Art. 12-23; Data Protection Act 2018", Set.of("GB")),
    CCPA("California CCPA/CPRA", "Cal. Civ. Code 1798.100-1798.199.100; 11 CCR 7000 ff.", Set.of("US-CA")),
    VCDPA("Virginia CDPA", "Va. Code 59.1-575 ff.", Set.of("US-VA")),
    CPA("Colorado Privacy Act", "Colo. Rev. Stat. 6-1-1301 ff.", Set.of("US-CO")),
    CTDPA("Connecticut Data Privacy Act", "Conn. Gen. Stat. 42-515 ff.", Set.of("US-CT")),
    UCPA("Utah Consumer Privacy Act", "Utah Code 13-61-101 ff.", Set.of("US-UT")),
    TDPSA("Texas Data Privacy and Security Act", "Tex. Bus. & Com. Code 541.001 ff.", Set.of("US-TX")),
    OCPA("Oregon Consumer Privacy Act", "Or. Rev. Stat. 646A.570 ff.", Set.of("US-OR")),
    LGPD("Brazil LGPD", "Lei 13.709/2018, Art. 18-19", Set.of("BR")),
    PIPEDA("Canada PIPEDA", "PIPEDA s. 8, Schedule 1 principle 4.9", Set.of("CA")),
    POLICY("The company's privacy policy", "No statutory right in this jurisdiction: the published policy's promise", Set.of());

    private final String label;
    private final String citation;
    private final Set<String> jurisdictions;

    Regime(String label, String citation, Set<String> jurisdictions) {
        this.label = label;
        this.citation = citation;
        this.jurisdictions = jurisdictions;
    }

    public String label() {
        return label;
    }

    public String citation() {
        return citation;
    }

    /** The law's usual abbreviation ("CCPA", "UK GDPR"), for narrow columns; {@link #label()} says it in full. */
    public String shortLabel() {
        return this == POLICY ? "Policy" : name().replace('_', ' ');
    }

    /** @param jurisdiction an ISO 3166-1 country ("DE") or, for the United States, a subdivision ("US-CA") */
    public static Regime of(String jurisdiction) {
        String code = normalise(jurisdiction).orElse("");
        return Arrays.stream(values()).filter(r -> r.jurisdictions.contains(code)).findFirst().orElse(POLICY);
    }

    /** The jurisdiction in canonical form ("us-ca" becomes "US-CA"), or empty when it is not a country or US state code. */
    public static Optional<String> normalise(String jurisdiction) {
        if (jurisdiction == null) {
            return Optional.empty();
        }
        String code = jurisdiction.strip().toUpperCase(Locale.ROOT);
        return code.matches("[A-Z]{2}|US-[A-Z]{2}") ? Optional.of(code) : Optional.empty();
    }
}
