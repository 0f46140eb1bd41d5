package dev.steward.dsr.clocks;

import dev.steward.dsr.DsrPermissions;
import dev.steward.dsr.db.tables.records.RequestClockRecord;
import dev.steward.dsr.db.tables.records.RequestRecord;
import dev.steward.dsr.requests.Regime;
import dev.steward.dsr.requests.RequestOpened;
import dev.steward.dsr.requests.RequestTimeline;
import org.jooq.DSLContext;
import org.springframework.context.event.EventListener;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.Optional;

import static dev.steward.dsr.db.Tables.CLOCK_PAUSE;
import static dev.steward.dsr.db.Tables.REQUEST;
import static dev.steward.dsr.db.Tables.REQUEST_CLOCK;

/**
 * Starts each request's clock when it is opened, from the rule in force for its regime and the company's promise, and
 * reads it back. The due date is the earlier of the law's and the promise's; the clock records which one decided.
 */
@Service
public class Clocks {

    private final DSLContext dsl;
    private final ClockRules rules;
    private final Promises promises;
    private final RequestTimeline timeline;

    Clocks(DSLContext dsl, ClockRules rules, Promises promises, RequestTimeline timeline) {
        this.dsl = dsl;
        this.rules = rules;
        this.promises = promises;
        this.timeline = timeline;
    }

    /** In the transaction that opened the request: a failure here rolls the request back. */
    @EventListener
    @PreAuthorize(DsrPermissions.MAY_CHANGE)
    public void start(RequestOpened opened) {
        RequestRecord request = dsl.selectFrom(REQUEST).where(REQUEST.ID.eq(opened.requestId())).fetchSingle();
        ClockRule rule = rules.inForce(Regime.valueOf(request.getRegime()));
        Optional<Promise> promise = promises.applying(rule.regime());
        Instant received = request.getReceivedAt();
        Instant lawDue = ClockMath.lawDue(rule, received);
        Instant promiseDue = promise.map(p -> ClockMath.promiseDue(p.days(), received, rule.zone())).orElse(null);
        Instant due = ClockMath.earlier(lawDue, promiseDue);
        Instant ackBy = ClockMath.acknowledgeBy(rule, received);
        String basis = ClockBasis.of(rule, promise.orElse(null), lawDue, promiseDue);

        RequestClockRecord clock = dsl.newRecord(REQUEST_CLOCK);
        clock.setRequestId(request.getId());
        clock.setRuleId(rule.id());
        clock.setPromiseId(promise.map(Promise::id).orElse(null));
        clock.setLawDueAt(lawDue);
        clock.setPromiseDueAt(promiseDue);
        clock.setExtensionNoticeBy(rule.extensionAmount() == null ? null : lawDue);
        clock.setDueBasis(basis);
        clock.setPausedDays(0);
        clock.store();
        dsl.update(REQUEST).set(REQUEST.DUE_AT, due).set(REQUEST.ACKNOWLEDGE_BY, ackBy).where(REQUEST.ID.eq(request.getId())).execute();
        timeline.record(request.getId(), RequestTimeline.Kind.CLOCK, (due == null ? "No due date" : "Due " + ClockText.endOfDay(due, rule.zone()))
                + (ackBy == null ? "" : "; acknowledge receipt by " + ClockText.endOfDay(ackBy, rule.zone())
                + " (" + rule.ackText() + ")") + ". " + basis + " [rule v" + rule.version() + "]");
    }

    @PreAuthorize(DsrPermissions.MAY_READ)
    @Transactional(readOnly = true)
    public Optional<RequestClock> of(long requestId) {
        return read(requestId);
    }

    /** "Why this due date": the basis, the rule version and its notes, the extension and the pauses, in words. */
    @PreAuthorize(DsrPermissions.MAY_READ)
    @Transactional(readOnly = true)
    public String explain(long requestId) {
        return read(requestId).map(ClockExplanation::of).orElse("This request has no clock");
    }

    /** The clock with its rule, promise and pauses; callers checked access. */
    Optional<RequestClock> read(long requestId) {
        var row = dsl.select(REQUEST.ID, REQUEST.VERSION, REQUEST.STATUS, REQUEST.RECEIVED_AT, REQUEST.ACKNOWLEDGE_BY,
                        REQUEST.ACKNOWLEDGED_AT, REQUEST.DUE_AT)
                .select(REQUEST_CLOCK.fields())
                .from(REQUEST).join(REQUEST_CLOCK).on(REQUEST_CLOCK.REQUEST_ID.eq(REQUEST.ID))
                .where(REQUEST.ID.eq(requestId)).fetchOptional().orElse(null);
        if (row == null) {
            return Optional.empty();
        }
        RequestClockRecord c = row.into(REQUEST_CLOCK);
        var pauses = dsl.selectFrom(CLOCK_PAUSE).where(CLOCK_PAUSE.REQUEST_ID.eq(requestId)).orderBy(CLOCK_PAUSE.PAUSED_AT, CLOCK_PAUSE.ID)
                .fetch(p -> new RequestClock.Pause(p.getPausedAt(), p.getPausedBy(), p.getReason(), p.getResumedAt(),
                        p.getResumedBy(), p.getMovedDays()));
        return Optional.of(new RequestClock(requestId, row.get(REQUEST.VERSION), row.get(REQUEST.STATUS),
                rules.byId(c.getRuleId()).orElseThrow(), promises.byId(c.getPromiseId()).orElse(null), row.get(REQUEST.RECEIVED_AT),
                row.get(REQUEST.ACKNOWLEDGE_BY), row.get(REQUEST.ACKNOWLEDGED_AT), c.getLawDueAt(), c.getPromiseDueAt(),
                row.get(REQUEST.DUE_AT), c.getDueBasis(), c.getExtensionNoticeBy(), c.getExtendedAt(), c.getExtendedBy(),
                c.getExtensionReason(), c.getRequesterNotifiedAt(), c.getPausedSince(), c.getPausedDays(), pauses));
    }
}
