package dev.steward.platform.spi;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Extension point: anything with a due date (notification obligations, review campaigns, contract renewals), for
 * "My work", team views, reminders and escalations. Push the query into SQL; return only what the query asks.
 * <p>
 * A deadline's title names the record (an incident reference, a vendor, a recipient), so the platform shows it and
 * sends it only to users who may read it: the module's officers, holders of {@link #readPermission(Deadline)}, and
 * its owner when they hold {@link #ownerPermission(Deadline)}. An escalation whose recipient may not read the
 * deadline goes to the module's officers instead.
 */
public interface DeadlineSource {

    /**
     * The permission of the module's officers: they see every item of this source and get escalations when an
     * owner has no manager.
     */
    String officerPermission();

    List<Deadline> deadlines(DeadlineQuery query);

    /**
     * The permission anyone needs to see this deadline, per item since one source may hold records of different
     * sensitivity. By default the officers' permission: a source that does not say shows its items to its officers
     * only (default deny).
     */
    default String readPermission(Deadline deadline) {
        return officerPermission();
    }

    /**
     * The permission that lets the deadline's owner see it without {@link #readPermission(Deadline)} (a business owner
     * sees their own vendor's dates, not everyone's). By default the same as everyone's.
     */
    default String ownerPermission(Deadline deadline) {
        return readPermission(deadline);
    }

    enum Severity { LOW, MEDIUM, HIGH, CRITICAL }

    enum State { OPEN, MET, MISSED, WAIVED }

    /**
     * @param owners user names whose items are wanted, or null for everyone's
     * @param dueBefore only items due before this instant, or null for any
     * @param openOnly  only OPEN (and MISSED) items
     */
    record DeadlineQuery(Set<String> owners, Instant dueBefore, boolean openOnly) {
    }

    /**
     * How far ahead of a due date this source's own reminder schedules reach at most (see {@link Deadline#reminders}),
     * so that the reminder job asks for deadlines that far ahead.
     */
    default Duration longestReminder() {
        return Duration.ZERO;
    }

    /**
     * @param key        stable and unique across modules: {@code <module>:<type>:<id>:<what>}; reminders are sent once per key
     * @param link       the console route of the record
     * @param note       why it was met, missed or waived
     * @param reminders  how long before the due date to remind the owner, or null for the console's schedule
     * @param escalateTo who hears of a missed deadline besides the owner, or null for the owner's manager (the module's
     *                   officers when there is none)
     */
    record Deadline(String key, String module, String title, String owner, Instant due, Severity severity, String link,
                    State state, String note, List<Duration> reminders, Set<String> escalateTo) {

        /** A deadline on the console's reminder schedule and escalation path. */
        public Deadline(String key, String module, String title, String owner, Instant due, Severity severity, String link,
                        State state, String note) {
            this(key, module, title, owner, due, severity, link, state, note, null, null);
        }
    }
}
