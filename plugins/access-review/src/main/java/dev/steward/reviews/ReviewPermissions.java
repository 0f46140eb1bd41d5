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

    private ReviewPermissions() {
    }
}
