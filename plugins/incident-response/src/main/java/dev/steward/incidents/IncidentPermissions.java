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

    private IncidentPermissions() {
    }
}
