package dev.steward.vendors.registry;

import java.util.List;

/** A vendor as the registry shows it, with its owner's name resolved from the people directory. */
public record Vendor(long id, String legalName, String tradingName, String website, String hqCountry, VendorStatus status,
                    Long ownerPersonId, String ownerName, Criticality criticality, AccessLevel accessLevel, String description,
                    List<Contact> contacts, int version) {

    public String displayName() {
        return tradingName == null || tradingName.equalsIgnoreCase(legalName) ? legalName : tradingName + " (" + legalName + ")";
    }

    public VendorForm toForm() {
        return new VendorForm(id, version, legalName, tradingName, website, hqCountry, status, ownerPersonId, criticality, accessLevel,
                description, contacts);
    }
}
