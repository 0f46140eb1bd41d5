package dev.steward.reviews.systems;

/**
 * An entitlement of a system as the administrators' grid shows it.
 *
 * @param holders accounts holding it in the system's current snapshot
 */
public record EntitlementRow(long id, long systemId, String name, String description, boolean privileged, long holders, int version) {
}
