package dev.steward.reviews.systems;

/** A separation-of-duties rule: holding both entitlements is a conflict. */
public record SodRule(long id, String name, long systemA, String systemAName, String entitlementA, long systemB, String systemBName,
                      String entitlementB, String description) {

    public String sideA() {
        return systemAName + " · " + entitlementA;
    }

    public String sideB() {
        return systemBName + " · " + entitlementB;
    }
}
