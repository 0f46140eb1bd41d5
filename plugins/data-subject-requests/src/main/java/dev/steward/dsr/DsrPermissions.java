package dev.steward.dsr;

/** The plugin's permissions; default grants are in {@link DsrPlugin}. */
public final class DsrPermissions {

    public static final String PLUGIN_ID = "dsr";
    /** Read requests, their timelines, evidence and the reports. */
    public static final String READ = "dsr.read";
    /** Handle requests: log, verify, extend, assign and do tasks, respond, close. */
    public static final String WORK = "dsr.work";
    /** Clock and verification rules, the company's promises, mailboxes, intake tokens. */
    public static final String ADMIN = "dsr.admin";
    /** Do the fulfilment tasks assigned to you (system owners, vendor managers), without reading other requests. */
    public static final String TASKS = "dsr.tasks";

    /*
     * Method security: every @PreAuthorize of the plugin names one of these expressions, never a permission by its text.
     */
    public static final String MAY_READ = "hasAuthority('" + READ + "')";
    public static final String MAY_WORK = "hasAuthority('" + WORK + "')";
    public static final String MAY_ADMIN = "hasAuthority('" + ADMIN + "')";
    public static final String MAY_DO_TASKS = "hasAnyAuthority('" + TASKS + "', '" + WORK + "')";
    /** Method security of the internal steps of any change to a request (timeline entries, recomputed clocks). */
    public static final String MAY_CHANGE = "hasAnyAuthority('" + WORK + "', '" + TASKS + "', '" + ADMIN + "')";
    /**
     * The public request page: anyone, signed in or not, may submit a request and confirm it with the mailed code
     * (rate-limited; what they submit becomes a request only under the intake's own narrow authentication).
     */
    public static final String ANYONE = "permitAll()";

    private DsrPermissions() {
    }
}
