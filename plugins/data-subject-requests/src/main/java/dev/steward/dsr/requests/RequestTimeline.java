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

    /**
     * @param text   what the system wrote ("Extended by 45 days")
     * @param remark what a person wrote with it (a note, a reason), or null; removed by the retention purge
     */
    public record Entry(long id, Instant at, String actor, Kind kind, String text, String remark) {

        /** The entry as one line: the system's words, then the person's. */
        public String line() {
            return remark == null ? text : text.isEmpty() ? remark : text + ": " + remark;
        }
    }

    private final DSLContext dsl;

    RequestTimeline(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Records an entry by the current user (or "system" for jobs and the public page). */
    @PreAuthorize(DsrPermissions.MAY_CHANGE)
    public void record(long requestId, Kind kind, String text) {
        record(requestId, kind, text, null);
    }

    /**
     * Records an entry with a person's words ({@code remark}: a reason, a note), which may name the requester and so
     * go with the retention purge while {@code text} stays.
     */
    @PreAuthorize(DsrPermissions.MAY_CHANGE)
    public void record(long requestId, Kind kind, String text, String remark) {
        dsl.insertInto(REQUEST_EVENT)
                .set(REQUEST_EVENT.REQUEST_ID, requestId)
                .set(REQUEST_EVENT.AT, Instant.now())
                .set(REQUEST_EVENT.ACTOR, CurrentUser.username().orElse("system"))
                .set(REQUEST_EVENT.KIND, kind.name())
                .set(REQUEST_EVENT.TEXT, cut(text))
                .set(REQUEST_EVENT.REMARK, remark == null ? null : cut(remark))
                .execute();
    }

    private static String cut(String text) {
        return text.length() > 2000 ? text.substring(0, 1999) + "…" : text;
    }

    @PreAuthorize(DsrPermissions.MAY_WORK)
    @Transactional
    public void addNote(long requestId, String text) {
        record(requestId, Kind.NOTE, "", Inputs.required("note", text, "Write the note first", 2000));
    }

    @PreAuthorize(DsrPermissions.MAY_READ)
    @Transactional(readOnly = true)
    public List<Entry> of(long requestId) {
        return dsl.selectFrom(REQUEST_EVENT).where(REQUEST_EVENT.REQUEST_ID.eq(requestId))
                .orderBy(REQUEST_EVENT.AT, REQUEST_EVENT.ID)
                .fetch(r -> new Entry(r.getId(), r.getAt(), r.getActor(), Kind.valueOf(r.getKind()), r.getText(), r.getRemark()));
    }
}
