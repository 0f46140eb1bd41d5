package dev.steward.vendors.processing;

/** Why the service processes the data, with the legal basis of that purpose (both catalogue codes). */
public record Purpose(String purpose, String legalBasis) {
}
