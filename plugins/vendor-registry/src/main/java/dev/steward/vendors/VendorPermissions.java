package dev.steward.vendors;

/** The plugin's permissions; default grants are in {@link VendorsPlugin}. */
public final class VendorPermissions {

    public static final String PLUGIN_ID = "vendors";
    /** Read every vendor, its processing, contracts, certifications and risk (security, auditors). */
    public static final String READ = "vendors.read";
    /** Add and change any vendor (privacy officers). */
    public static final String EDIT = "vendors.edit";
    /** The risk rubric and review cadence. */
    public static final String ADMIN = "vendors.admin";
    /** Read and update the vendors one is the business owner of (matched by email in the people directory). */
    public static final String OWN = "vendors.own";

    /*
     * Method security: every @PreAuthorize of the plugin names one of these expressions, never a permission by its text.
     */
    /** Method security of reads: readers and editors see every vendor, owners their own (VendorAccess applies that rule). */
    public static final String MAY_READ = "hasAuthority('" + READ + "') or hasAuthority('" + EDIT + "') or hasAuthority('" + OWN + "')";
    /** Method security of changes: editors change every vendor, owners their own (VendorAccess). */
    public static final String MAY_EDIT = "hasAuthority('" + EDIT + "') or hasAuthority('" + OWN + "')";

    /** The register as a whole (exports, the data-sharing matrix, the sub-processor list): readers. */
    public static final String MAY_READ_REGISTER = "hasAuthority('" + READ + "')";
    /** Readers and editors, who see every vendor (owners see only their own, so they are not here). */
    public static final String MAY_READ_EVERY_VENDOR = "hasAuthority('" + READ + "') or hasAuthority('" + EDIT + "')";
    /** Changes only editors make, across vendors (imports, assessments, reassessment tasks). */
    public static final String MAY_EDIT_EVERY_VENDOR = "hasAuthority('" + EDIT + "')";
    public static final String MAY_ADMINISTER = "hasAuthority('" + ADMIN + "')";
    /** Any signed-in user: for a service whose methods apply the data-level rules themselves ({@link VendorAccess}). */
    public static final String SIGNED_IN = "isAuthenticated()";

    private VendorPermissions() {
    }
}
