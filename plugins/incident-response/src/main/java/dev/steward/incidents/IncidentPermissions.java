package dev.steward.incidents;

/** The plugin's permissions; default grants are in {@link IncidentsPlugin}. */
public final class IncidentPermissions {

    public static final String PLUGIN_ID = "incidents";
    public static final String READ = "incidents.read";
    /** Edit facts, tasks, notes and evidence. */
    public static final String WORK = "incidents.work";
    /** ENISA and HIPAA assessments, the risk conclusion. */
    public static final String ASSESS = "incidents.assess";
    /** Decide and record notification obligations. */
    public static final String NOTIFY = "incidents.notify";
    public static final String MANAGE_RULES = "incidents.rules";
    /**
     * Through the intake API, update incidents another client opened (or that were logged in the console). Without it, a
     * token updates only the incidents it opened itself. Granted to no role: give it to a token that must.
     */
    public static final String INTAKE_UPDATE_ANY = "incidents.intake.update-any";

    /*
     * Method security: every @PreAuthorize of the plugin names one of these expressions, never a permission by its text.
     */
    /** Reading incidents, their timelines, obligations and the rules. */
    public static final String MAY_READ = "hasAuthority('" + READ + "')";
    public static final String MAY_WORK = "hasAuthority('" + WORK + "')";
    public static final String MAY_ASSESS = "hasAuthority('" + ASSESS + "')";
    public static final String MAY_NOTIFY = "hasAuthority('" + NOTIFY + "')";
    public static final String MAY_MANAGE_RULES = "hasAuthority('" + MANAGE_RULES + "')";
    /** The intake API: a client that reports incidents works on them and reads back what it reported. */
    public static final String MAY_REPORT = MAY_WORK + " and " + MAY_READ;
    /** Method security of the internal steps of any change to an incident (timeline entries, recomputed obligations). */
    public static final String MAY_CHANGE = "hasAnyAuthority('" + WORK + "', '" + ASSESS + "', '" + NOTIFY + "', '" + MANAGE_RULES + "')";

    private IncidentPermissions() {
    }
}
