package dev.steward.platform.spi;

/**
 * Extension point: hears what changed in the data the platform keeps for every module (the people directory, links
 * between records). The platform calls each listener of the host and of every enabled plugin <em>inside the
 * transaction that made the change</em>, once per change (one edit, one whole import, one link): a listener records what
 * it must do later in its own tables, in that same transaction, so that the change and its consequence commit together
 * or not at all (a crash after the commit loses nothing). Listeners must be quick: record and return; slow work belongs
 * in a {@link ScheduledJob}. A listener that throws undoes the change. Called in the changing user's security context.
 */
public interface PlatformEventListener {

    /** People moved to another org unit or became terminated (a directory edit, or a whole import at once). */
    default void peopleChanged(PeopleChanged event) {
    }

    /** Two records were linked ({@link dev.steward.platform.links.EntityLinks}). */
    default void recordsLinked(RecordsLinked event) {
    }
}
