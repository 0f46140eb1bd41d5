package dev.steward.dsr.requests;

import dev.steward.dsr.DsrPermissions;
import dev.steward.platform.security.CurrentUser;
import dev.steward.platform.validation.Inputs;
import org.jooq.DSLContext;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.List;

import static dev.steward.dsr.db.Tables.REQUEST_EVENT;

/**
 * What happened to a request, in order, with who and when. The services write it as part of each action (in the
 * action's transaction); the team adds notes. It outlives the retention purge: entries name no requester data.
 */
@Service
public class RequestTimeline {

    /** A kind of entry; labels for the timeline view. */
    public enum Kind {
        RECEIVED("Received"), ACKNOWLEDGED("Acknowledged"), VERIFICATION("Verification"), CLOCK("Clock"),
        EXTENDED("Extended"), ASSIGNED("Assigned"), TASK("Task"), PROCESSOR("Processor"), RESPONSE("Response"),
        CLOSED("Closed"), PURGED("Personal data purged"), NOTE("Note");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public record Entry(long id, Instant at, String actor, Kind kind, String text) {
    }

    private final DSLContext dsl;

    RequestTimeline(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Records an entry by the current user (or "system" for jobs and the public page). */
    @PreAuthorize(DsrPermissions.MAY_CHANGE)
    public void record(long requestId, Kind kind, String text) {
        dsl.insertInto(REQUEST_EVENT)
                .set(REQUEST_EVENT.REQUEST_ID, requestId)
                .set(REQUEST_EVENT.AT, Instant.now())
                .set(REQUEST_EVENT.ACTOR, CurrentUser.username().orElse("system"))
                .set(REQUEST_EVENT.KIND, kind.name())
                .set(REQUEST_EVENT.TEXT, text.length() > 2000 ? text.substring(0, 1999) + "…" : text)
                .execute();
    }

    @PreAuthorize(DsrPermissions.MAY_WORK)
    @Transactional
    public void addNote(long requestId, String text) {
        record(requestId, Kind.NOTE, Inputs.required("note", text, "Write the note first", 2000));
    }

    @PreAuthorize(DsrPermissions.MAY_READ)
    @Transactional(readOnly = true)
    public List<Entry> of(long requestId) {
        return dsl.selectFrom(REQUEST_EVENT).where(REQUEST_EVENT.REQUEST_ID.eq(requestId))
                .orderBy(REQUEST_EVENT.AT, REQUEST_EVENT.ID)
                .fetch(r -> new Entry(r.getId(), r.getAt(), r.getActor(), Kind.valueOf(r.getKind()), r.getText()));
    }
}
