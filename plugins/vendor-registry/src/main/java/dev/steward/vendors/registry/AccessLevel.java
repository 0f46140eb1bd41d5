package dev.steward.vendors.registry;

/**
 * How far the vendor reaches into our data and systems; a factor of the inherent risk (level 1 to 4): none (we send
 * nothing beyond what the contract needs), limited (specific extracts), broad (holds or processes whole datasets),
 * privileged (administrative access to our systems or network).
 */
public enum AccessLevel {
    NONE, LIMITED, BROAD, PRIVILEGED;

    public int level() {
        return ordinal() + 1;
    }
}
