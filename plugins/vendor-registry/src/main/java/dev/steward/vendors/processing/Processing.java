package dev.steward.vendors.processing;

import java.util.List;

/** A stored processing with its derived transfer check. */
public record Processing(long id, long serviceId, Relationship relationship, List<String> dataCategories, List<String> subjectTypes,
                         List<Purpose> purposes, Volume volume, boolean specialCategory, boolean children,
                         List<String> processingCountries, List<String> storageCountries, TransferMechanism transferMechanism,
                         TransferAssessment transfer, String notes, int version) {

    public ProcessingForm toForm() {
        return new ProcessingForm(id, version, serviceId, relationship, new java.util.TreeSet<>(dataCategories), new java.util.TreeSet<>(subjectTypes),
                purposes, volume, specialCategory, children, new java.util.TreeSet<>(processingCountries), new java.util.TreeSet<>(storageCountries),
                transferMechanism, notes);
    }
}
