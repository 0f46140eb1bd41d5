package dev.steward.vendors.processing;

import java.util.Map;
import java.util.Set;

/**
 * Where personal data may go from the EEA or the UK without a further safeguard (GDPR Chapter V), by ISO 3166-1 code.
 * Sources, as of November 2026:
 * <ul>
 *   <li>EEA: the 27 EU member states plus Iceland, Liechtenstein and Norway (EEA Agreement, Annex XI as amended by
 *   Decision 154/2018 of the EEA Joint Committee bringing the GDPR into the EEA).</li>
 *   <li>UK: treated as home ground here (our exporters sit in the EEA or the UK; the UK also holds an EU adequacy
 *   decision, renewed by the Commission in 2025).</li>
 *   <li>Adequacy: the European Commission's list of adequacy decisions,
 *   https://commission.europa.eu/law/law-topic/data-protection/international-dimension-data-protection/adequacy-decisions_en
 *   (Andorra, Argentina, Canada, Faroe Islands, Guernsey, Israel, Isle of Man, Japan, Jersey, New Zealand, Republic of
 *   Korea, Switzerland, United Kingdom, United States, Uruguay).</li>
 * </ul>
 * Canada's decision covers only organisations under PIPEDA and the United States' only organisations certified under
 * the EU-US Data Privacy Framework: for those two the registry needs the mechanism recorded (ADEQUACY means "the
 * recipient is covered"). Change this class when the Commission adopts or withdraws a decision.
 */
public final class TransferJurisdictions {

    public enum Zone { EEA_OR_UK, ADEQUATE, CONDITIONALLY_ADEQUATE, THIRD_COUNTRY }

    static final Set<String> EEA = Set.of("AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT",
            "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO");
    static final Set<String> UK = Set.of("GB");
    static final Set<String> ADEQUATE = Set.of("AD", "AR", "FO", "GG", "IL", "IM", "JP", "JE", "NZ", "KR", "CH", "UY");
    /** Adequate only for some recipients, with the condition. */
    static final Map<String, String> CONDITIONALLY_ADEQUATE = Map.of(
            "US", "only recipients certified under the EU-US Data Privacy Framework",
            "CA", "only commercial organisations subject to PIPEDA");

    private TransferJurisdictions() {
    }

    public static Zone zoneOf(String country) {
        if (EEA.contains(country) || UK.contains(country)) {
            return Zone.EEA_OR_UK;
        }
        if (ADEQUATE.contains(country)) {
            return Zone.ADEQUATE;
        }
        return CONDITIONALLY_ADEQUATE.containsKey(country) ? Zone.CONDITIONALLY_ADEQUATE : Zone.THIRD_COUNTRY;
    }

    public static String condition(String country) {
        return CONDITIONALLY_ADEQUATE.get(country);
    }
}
