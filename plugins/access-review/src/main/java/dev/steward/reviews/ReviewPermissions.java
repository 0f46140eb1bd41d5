package dev.steward.reviews;

/** The plugin's permissions; default grants are in {@link ReviewsPlugin}. */
public final class ReviewPermissions {

    public static final String PLUGIN_ID = "reviews";
    /** Systems, imports, SoD rules, campaigns: the access-review administrator. */
    public static final String ADMIN = "reviews.admin";
    /** Decide the items one is the reviewer of. */
    public static final String REVIEW = "reviews.review";
    /** Read every campaign, item, decision and the evidence (auditors). */
    public static final String READ = "reviews.read";

    /*
     * Method security: every @PreAuthorize of the plugin names one of these expressions, never a permission by its text.
     */
    /** Systems, imports, SoD rules, campaigns: changes only administrators make. */
    public static final String MAY_ADMINISTER = "hasAuthority('" + ADMIN + "')";
    /** Reads of everything (systems, snapshots, campaigns, items, evidence): administrators and auditors. */
    public static final String MAY_READ = "hasAuthority('" + ADMIN + "') or hasAuthority('" + READ + "')";
    /** A reviewer's own queue and decisions (which items are one's own is a data-level rule). */
    public static final String MAY_REVIEW = "hasAuthority('" + REVIEW + "')";
    /** Figures across every campaign for the dashboard: holders of the read permission. */
    public static final String MAY_READ_FIGURES = "hasAuthority('" + READ + "')";

    private ReviewPermissions() {
    }
}
