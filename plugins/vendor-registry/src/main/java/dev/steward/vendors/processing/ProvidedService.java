package dev.steward.vendors.processing;

/** One service a vendor provides ("payment processing", "email delivery"); {@code id} is null for a new one. */
public record ProvidedService(Long id, long vendorId, String name, String description, int version) {
}
