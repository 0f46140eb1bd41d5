package dev.steward.vendors.registry;

/** A person at the vendor; {@code id} is null for a new one. */
public record Contact(Long id, String name, String role, String email, String phone, boolean securityContact, boolean privacyContact) {
}
