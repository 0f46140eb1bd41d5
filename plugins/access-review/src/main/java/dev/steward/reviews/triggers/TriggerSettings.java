package dev.steward.reviews.triggers;

/**
 * Which events launch a micro-review, when it is due and who owns it.
 *
 * @param dueDays the days a triggered review runs, from {@link #MIN_DUE_DAYS} to {@link #MAX_DUE_DAYS}
 * @param owner   the user who owns triggered reviews (an access-review administrator), or null for the first such user
 */
public record TriggerSettings(boolean mover, boolean leaver, boolean incident, int dueDays, String owner, int version) {

    public static final int MIN_DUE_DAYS = 1;
    /** A micro-review is meant to be quick: a quarter at most, when the next regular campaign would have come anyway. */
    public static final int MAX_DUE_DAYS = 90;
    public static final int DEFAULT_DUE_DAYS = 7;
}
