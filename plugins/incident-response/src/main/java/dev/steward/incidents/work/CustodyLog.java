package dev.steward.incidents.work;

import java.time.Instant;
import dev.steward.incidents.IncidentPermissions;
import dev.steward.incidents.db.tables.records.CustodyEntryRecord;
import dev.steward.incidents.work.TimelineEntry.Kind;
import dev.steward.platform.files.Attachment;
import dev.steward.platform.files.AttachmentService;
import dev.steward.platform.security.CurrentUser;
import org.jooq.DSLContext;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

import static dev.steward.incidents.db.Tables.CUSTODY_ENTRY;

/** Chain of custody of an incident's evidence files: who handled each item, when and why. Entries are never edited. */
@Service
public class CustodyLog {

    public static final String ENTITY = "incident";

    private final DSLContext dsl;
    private final AttachmentService files;
    private final Timeline timeline;

    CustodyLog(DSLContext dsl, AttachmentService files, Timeline timeline) {
        this.dsl = dsl;
        this.files = files;
        this.timeline = timeline;
    }

    public static Attachment.Owner owner(long incidentId) {
        return new Attachment.Owner(IncidentPermissions.PLUGIN_ID, ENTITY, Long.toString(incidentId));
    }

    @PreAuthorize(IncidentPermissions.MAY_WORK)
    @Transactional
    public CustodyEntry record(long incidentId, long attachmentId, CustodyEntry.Action action, String reason) {
        if (action == null) {
            throw new IllegalArgumentException("Choose what was done with the item");
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("Say why the item was handled");
        }
        Attachment file = files.list(owner(incidentId), true).stream().filter(a -> a.id() == attachmentId).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("File " + attachmentId + " is not evidence of this incident"));
        CustodyEntryRecord r = dsl.newRecord(CUSTODY_ENTRY);
        r.setIncidentId(incidentId);
        r.setAttachmentId(attachmentId);
        r.setHandledAt(Instant.now());
        r.setActor(CurrentUser.username().orElse("system"));
        r.setAction(action.name());
        r.setReason(reason.strip());
        r.store();
        timeline.record(incidentId, Kind.FILE, "Evidence " + file.fileName() + ": " + action.label().toLowerCase() + " — " + reason.strip());
        return toEntry(r);
    }

    /**
     * The first link of the chain of a document the console generated and stored as evidence (an issued notice): who
     * issued it, when, and its SHA-256, so that the file kept can be matched with the one sent. An internal step of the
     * action that generated it, which writes its own timeline entry.
     */
    @PreAuthorize(IncidentPermissions.MAY_CHANGE)
    @Transactional
    public CustodyEntry recordIssued(long incidentId, Attachment file, String what) {
        if (file.owner() == null || !file.owner().equals(owner(incidentId))) {
            throw new IllegalArgumentException("File " + file.id() + " is not evidence of this incident");
        }
        CustodyEntryRecord r = dsl.newRecord(CUSTODY_ENTRY);
        r.setIncidentId(incidentId);
        r.setAttachmentId(file.id());
        r.setHandledAt(Instant.now());
        r.setActor(CurrentUser.username().orElse("system"));
        r.setAction(CustodyEntry.Action.ISSUED.name());
        r.setReason(what + "; SHA-256 " + file.sha256());
        r.store();
        return toEntry(r);
    }

    @PreAuthorize(IncidentPermissions.MAY_READ)
    @Transactional(readOnly = true)
    public List<CustodyEntry> of(long incidentId) {
        return dsl.selectFrom(CUSTODY_ENTRY).where(CUSTODY_ENTRY.INCIDENT_ID.eq(incidentId))
                .orderBy(CUSTODY_ENTRY.HANDLED_AT, CUSTODY_ENTRY.ID).fetch(CustodyLog::toEntry);
    }

    private static CustodyEntry toEntry(CustodyEntryRecord r) {
        return new CustodyEntry(r.getAttachmentId(), r.getHandledAt(), r.getActor(),
                CustodyEntry.Action.valueOf(r.getAction()), r.getReason());
    }
}
