package dev.steward.vendors.registry;

/** How much the business depends on the vendor; a factor of the inherent risk (level 1 to 4). */
public enum Criticality {
    LOW, MEDIUM, HIGH, CRITICAL;

    public int level() {
        return ordinal() + 1;
    }
}
