package dev.steward.incidents.work;

import dev.steward.incidents.IncidentPermissions;
import dev.steward.incidents.db.tables.records.TimelineEntryRecord;
import dev.steward.platform.security.CurrentUser;
import org.jooq.DSLContext;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.List;

import static dev.steward.incidents.db.Tables.TIMELINE_ENTRY;

/**
 * What happened to an incident, in order, with who and when. The services write it as part of each action (in the
 * action's transaction); users add notes.
 */
@Service
public class Timeline {

    private final DSLContext dsl;

    public Timeline(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Records an entry by the current user (or "system" for jobs and the API without a user). */
    @PreAuthorize(IncidentPermissions.MAY_CHANGE)
    public void record(long incidentId, TimelineEntry.Kind kind, String summary) {
        TimelineEntryRecord entry = dsl.newRecord(TIMELINE_ENTRY);
        entry.setIncidentId(incidentId);
        entry.setOccurredAt(Instant.now());
        entry.setActor(CurrentUser.username().orElse("system"));
        entry.setKind(kind.name());
        entry.setSummary(summary);
        entry.store();
    }

    @PreAuthorize(IncidentPermissions.MAY_WORK)
    @Transactional
    public void addNote(long incidentId, String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("The note is empty");
        }
        record(incidentId, TimelineEntry.Kind.NOTE, text.strip());
    }

    @PreAuthorize(IncidentPermissions.MAY_READ)
    @Transactional(readOnly = true)
    public List<TimelineEntry> of(long incidentId) {
        return dsl.selectFrom(TIMELINE_ENTRY).where(TIMELINE_ENTRY.INCIDENT_ID.eq(incidentId))
                .orderBy(TIMELINE_ENTRY.OCCURRED_AT, TIMELINE_ENTRY.ID)
                .fetch(r -> new TimelineEntry(r.getId(), r.getOccurredAt(), r.getActor(),
                        TimelineEntry.Kind.valueOf(r.getKind()), r.getSummary()));
    }
}
