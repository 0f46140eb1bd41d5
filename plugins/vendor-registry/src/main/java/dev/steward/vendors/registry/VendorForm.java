package dev.steward.vendors.registry;

import java.util.List;

/** What a user enters for a vendor; {@code id} is null for a new vendor. Contacts replace the vendor's list. */
public record VendorForm(Long id, int version, String legalName, String tradingName, String website, String hqCountry,
                         VendorStatus status, Long ownerPersonId, Criticality criticality, AccessLevel accessLevel,
                         String description, List<Contact> contacts) {

    public static VendorForm named(String legalName) {
        return new VendorForm(null, 0, legalName, null, null, null, VendorStatus.PROSPECT, null, Criticality.MEDIUM, AccessLevel.NONE,
                null, List.of());
    }

    public VendorForm withOwner(Long personId) {
        return new VendorForm(id, version, legalName, tradingName, website, hqCountry, status, personId, criticality, accessLevel,
                description, contacts);
    }
}
