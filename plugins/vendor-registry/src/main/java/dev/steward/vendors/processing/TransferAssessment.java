package dev.steward.vendors.processing;

import java.util.List;

/**
 * The transfer check of one processing: the countries that need a safeguard and whether the recorded mechanism covers
 * them. {@code gap} is what the registry stores and filters by.
 */
public record TransferAssessment(boolean gap, List<String> countriesNeedingSafeguard, String reason) {

    static TransferAssessment none() {
        return new TransferAssessment(false, List.of(), "No transfer outside the EEA, the UK or countries with an adequacy decision");
    }
}
