package dev.steward.vendors.processing;

import java.util.List;
import java.util.Set;

/**
 * What a service does with personal data; {@code id} is null for a new processing. Categories, subject types, purposes
 * and legal bases are catalogue codes; countries ISO 3166 codes. The special-category flag is also set by any special
 * category chosen.
 */
public record ProcessingForm(Long id, int version, long serviceId, Relationship relationship, Set<String> dataCategories,
                             Set<String> subjectTypes, List<Purpose> purposes, Volume volume, boolean specialCategory,
                             boolean children, Set<String> processingCountries, Set<String> storageCountries,
                             TransferMechanism transferMechanism, String notes) {
}
