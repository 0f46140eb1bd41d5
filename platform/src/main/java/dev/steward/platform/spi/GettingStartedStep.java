package dev.steward.platform.spi;

/**
 * Extension point: one step of the getting-started checklist that the administrators of a new installation see
 * ("add the first vendor"), ticked from real state. The host contributes its own (users and roles, people, mail); a
 * plugin contributes what a new installation must do before the module is useful.
 */
public interface GettingStartedStep {

    String title();

    /** One or two sentences: what to do and why it matters. */
    String description();

    /**
     * Who may do the step. Holders get a link to {@link #route()}; other administrators see which roles can do it.
     * Never null (default deny).
     */
    String requiredPermission();

    /** The console route where the step is done, e.g. {@code vendors}. */
    String route();

    /** Position in the checklist; the host's steps are 10 to 30. */
    default int order() {
        return 100;
    }

    /**
     * Whether the installation has done the step, read from real state (a vendor exists). Called each time the
     * checklist or an administrator's dashboard opens, whatever the viewer's own permissions: answer with one cheap
     * query straight from your tables (not through a guarded service) and reveal nothing but yes or no.
     */
    boolean done();
}
