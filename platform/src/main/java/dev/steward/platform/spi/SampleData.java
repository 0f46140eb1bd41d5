package dev.steward.platform.spi;

/**
 * Extension point: a module's sample data for a demo install ({@code --demo}), made through the module's own services
 * so that every record is validated and audited like a user's. The host loads each contribution once, in order, in
 * one transaction, signed in as {@code sample-data} with every permission a role can hold, after it has made the
 * sample company's people, org units and users ({@link SampleContext}).
 */
public interface SampleData {

    /** Smaller loads first (the host's people come at 0; modules that use another module's sample data come later). */
    int order();

    /**
     * Whether the module already holds records of its own (of a user or an import). Sample data is never loaded into
     * an install where any module does: the host then refuses to load anything.
     */
    boolean holdsData();

    /** Makes the module's sample records; returns a short summary for the log ("6 incidents, 9 notices"). */
    Summary load(SampleContext context);

    /** What a load made: how many records, in a phrase for the log and the database's marker. */
    record Summary(int records, String text) {
    }
}
