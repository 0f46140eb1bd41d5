package dev.steward.vendors.risk;

/**
 * The five inherent-risk factors of a vendor, each a level from 1 (low) to 4 (high): data sensitivity (the highest
 * catalogue sensitivity of the categories it processes; special categories are 4), volume (the largest), access
 * level, criticality, and location (1 EEA/UK only, 2 adequate countries, 3 other countries with a mechanism, 4 a
 * transfer gap).
 */
public record RiskFactors(int sensitivity, int volume, int access, int criticality, int location) {

    public RiskFactors {
        for (int level : new int[]{sensitivity, volume, access, criticality, location}) {
            if (level < 1 || level > 4) {
                throw new IllegalArgumentException("A risk factor level is 1 to 4, not " + level);
            }
        }
    }

    @Override
    public String toString() {
        return "sensitivity " + sensitivity + ", volume " + volume + ", access " + access + ", criticality " + criticality
                + ", location " + location;
    }
}
