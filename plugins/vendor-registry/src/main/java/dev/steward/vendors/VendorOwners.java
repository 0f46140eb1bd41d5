package dev.steward.vendors;

/**
 * Who answers for a vendor's deadlines and tasks: the console user of its business owner (matched by email, as the
 * platform's team directory does), else whoever registered the vendor.
 */
public final class VendorOwners {

    /** SQL expression of the owner's user name for the vendor aliased {@code v}. */
    public static final String OWNER_OF_V = """
            coalesce((select u.username from platform.person p join platform.app_user u on lower(u.email) = lower(p.email) and u.active
                      where p.id = v.owner_person_id order by u.id limit 1), v.created_by)""";

    private VendorOwners() {
    }
}
