package dev.steward.reviews.imports;

/** How a grant is held, in words for the previews, the diff and its CSV ("direct member", "via group X", ...). */
public final class HowGranted {

    /** What a grant whose source did not say how it is held shows. */
    public static final String NOT_STATED = "not stated";

    private HowGranted() {
    }

    /** The grant's "how granted", or {@link #NOT_STATED}. */
    public static String of(String grantedVia) {
        return grantedVia == null || grantedVia.isBlank() ? NOT_STATED : grantedVia;
    }

    /** "direct member → via group finance-leads". */
    public static String change(String before, String after) {
        return of(before) + " \u2192 " + of(after);
    }
}
