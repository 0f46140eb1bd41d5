package dev.steward.dsr.clocks;

import dev.steward.dsr.DsrPermissions;
import dev.steward.dsr.requests.RequestStatus;
import dev.steward.platform.spi.DeadlineSource;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static dev.steward.dsr.db.Tables.REQUEST;
import static org.jooq.impl.DSL.noCondition;

/**
 * Requests' answer and acknowledgement dates as platform deadlines: on "My work" of the request's assignee, reminded
 * before they are due and escalated when missed. An unassigned request's reminders go to the privacy team (the
 * holders of {@code dsr.work}). Titles name the reference only, never the requester.
 */
@Component
class RequestDeadlines implements DeadlineSource {

    private final DSLContext dsl;

    RequestDeadlines(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public String officerPermission() {
        return DsrPermissions.WORK;
    }

    @Override
    public String readPermission(Deadline deadline) {
        return DsrPermissions.READ;
    }

    @Override
    public List<Deadline> deadlines(DeadlineQuery query) {
        List<Deadline> all = new ArrayList<>(of(query, REQUEST.DUE_AT, REQUEST.CLOSED_AT, "answer", "answer the rights request", Severity.HIGH));
        all.addAll(of(query, REQUEST.ACKNOWLEDGE_BY, REQUEST.ACKNOWLEDGED_AT, "acknowledge", "acknowledge receipt of the rights request", Severity.MEDIUM));
        return all;
    }

    private List<Deadline> of(DeadlineQuery query, Field<Instant> due, Field<Instant> doneAt, String what, String title, Severity severity) {
        Condition where = due.isNotNull()
                .and(query.owners() == null ? noCondition() : REQUEST.ASSIGNEE.in(query.owners()))
                .and(query.dueBefore() == null ? noCondition() : due.lt(query.dueBefore()))
                .and(query.openOnly() ? doneAt.isNull().and(REQUEST.STATUS.ne(RequestStatus.CLOSED)) : noCondition());
        Instant now = Instant.now();
        return dsl.select(REQUEST.ID, REQUEST.REFERENCE, REQUEST.ASSIGNEE, due, doneAt, REQUEST.STATUS, REQUEST.CLOSED_AT)
                .from(REQUEST).where(where).orderBy(due).fetch(r -> {
                    Instant at = r.value4();
                    Instant done = r.value5();
                    State state = done != null ? (done.isAfter(at) ? State.MISSED : State.MET)
                            : r.value6() == RequestStatus.CLOSED ? State.WAIVED : at.isBefore(now) ? State.MISSED : State.OPEN;
                    return new Deadline("dsr:request:" + r.value1() + ":" + what, DsrPermissions.PLUGIN_ID,
                            r.value2() + " · " + title, r.value3(), at, severity, "requests/" + r.value1(), state,
                            done == null ? null : (what.equals("answer") ? "Closed " : "Acknowledged ") + done);
                });
    }
}
