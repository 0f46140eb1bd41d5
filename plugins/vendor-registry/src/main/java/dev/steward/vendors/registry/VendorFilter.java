package dev.steward.vendors.registry;

/**
 * Grid filters; null or false means "any". {@code expiringWithinDays}: a contract term or certificate ends within
 * that many days; {@code missingDpa}: a DPA is required and none is in force; {@code mineOnly}: the
 * user is the business owner.
 */
public record VendorFilter(String text, Integer tier, VendorStatus status, String dataCategory, String country, Integer expiringWithinDays,
                           boolean missingDpa, boolean transferGap, boolean mineOnly) {

    public static VendorFilter none() {
        return new VendorFilter(null, null, null, null, null, null, false, false, false);
    }
}
