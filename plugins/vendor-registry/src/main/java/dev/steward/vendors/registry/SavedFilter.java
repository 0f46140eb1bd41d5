package dev.steward.vendors.registry;

/** A grid filter the user saved under a name. */
public record SavedFilter(long id, String name, VendorFilter filter) {
}
