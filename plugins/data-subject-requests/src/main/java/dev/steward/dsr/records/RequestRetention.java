package dev.steward.dsr.records;

import dev.steward.dsr.DsrPermissions;
import dev.steward.dsr.requests.RequestTimeline;
import dev.steward.platform.files.Attachment;
import dev.steward.platform.files.AttachmentService;
import org.jooq.DSLContext;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static dev.steward.dsr.db.Tables.REQUEST;
import static dev.steward.dsr.db.Tables.REQUEST_EVENT;

/**
 * The end of a request's retention: 24 months after it closed, the requester's personal data is removed everywhere
 * in the plugin (fields, the words people wrote on the timeline, files, each {@link RequesterDataPurge}); the request's
 * reference, types, law, dates, outcome and the system's timeline stay as the record that it was answered and that the
 * purge happened.
 */
@Service
public class RequestRetention {

    /**
     * How long a request is kept whole after it closed: the CCPA regulations require records of requests and how they
     * were answered for at least 24 months (11 CCR 7101(a)); Steward keeps them that long under every law.
     */
    public static final Period KEEP = Period.ofMonths(24);
    /** Requests purged per transaction: a backlog after a long outage is worked off in several. */
    static final int BATCH = 1000;
    static final String REMOVED_REMARK = "(removed with the requester's personal data)";

    private final DSLContext dsl;
    private final AttachmentService files;
    private final RequestTimeline timeline;
    private final List<RequesterDataPurge> parts;

    RequestRetention(DSLContext dsl, AttachmentService files, RequestTimeline timeline, List<RequesterDataPurge> parts) {
        this.dsl = dsl;
        this.files = files;
        this.timeline = timeline;
        this.parts = parts;
    }

    /** Purges every request closed before {@code now} minus {@link #KEEP} and not purged yet; returns how many. */
    @PreAuthorize(DsrPermissions.MAY_ADMIN)
    @Transactional
    public int purgeDue(Instant now) {
        Instant closedBefore = now.atOffset(ZoneOffset.UTC).minus(KEEP).toInstant();
        List<Long> due = dsl.select(REQUEST.ID).from(REQUEST)
                .where(REQUEST.CLOSED_AT.lt(closedBefore).and(REQUEST.PURGED_AT.isNull()))
                .orderBy(REQUEST.CLOSED_AT).limit(BATCH).forUpdate().skipLocked().fetch(REQUEST.ID);
        due.forEach(id -> purge(id, now));
        return due.size();
    }

    private void purge(long id, Instant now) {
        List<String> removed = new ArrayList<>(List.of("name, contact details, agent and the request's wording"));
        Attachment.Owner owner = new Attachment.Owner(DsrPermissions.PLUGIN_ID, "request", String.valueOf(id));
        List<Attachment> attached = files.list(owner, false);
        attached.forEach(a -> files.delete(a.id(), "Retention of the request ended " + KEEP.toTotalMonths() + " months after it closed"));
        if (!attached.isEmpty()) {
            removed.add(attached.size() + " file(s)");
        }
        int remarks = dsl.update(REQUEST_EVENT).set(REQUEST_EVENT.REMARK, REMOVED_REMARK)
                .where(REQUEST_EVENT.REQUEST_ID.eq(id).and(REQUEST_EVENT.REMARK.isNotNull())).execute();
        if (remarks > 0) {
            removed.add(remarks + " note(s) and reason(s) on the timeline");
        }
        for (RequesterDataPurge part : parts) {
            String what = part.purge(id);
            if (!what.isBlank()) {
                removed.add(what);
            }
        }
        dsl.update(REQUEST)
                .setNull(REQUEST.REQUESTER_NAME).setNull(REQUEST.REQUESTER_EMAIL).setNull(REQUEST.REQUESTER_PHONE)
                .setNull(REQUEST.REQUESTER_ADDRESS).setNull(REQUEST.AGENT_NAME).setNull(REQUEST.AGENT_EMAIL)
                .setNull(REQUEST.DETAILS).setNull(REQUEST.SUBJECT_PERSON_ID)
                .set(REQUEST.PURGED_AT, now).set(REQUEST.VERSION, REQUEST.VERSION.plus(1))
                .where(REQUEST.ID.eq(id)).execute();
        timeline.record(id, RequestTimeline.Kind.PURGED, "The requester's personal data was removed " + KEEP.toTotalMonths()
                + " months after the request closed (11 CCR 7101(a)): " + String.join(", ", removed)
                + ". The record of the request and how it was answered stays.");
    }
}
