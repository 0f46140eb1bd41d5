package dev.steward.dsr.clocks;

import dev.steward.dsr.DsrPermissions;
import dev.steward.dsr.db.tables.records.ClockPauseRecord;
import dev.steward.dsr.db.tables.records.RequestRecord;
import dev.steward.dsr.requests.RequestStatus;
import dev.steward.dsr.requests.RequestTimeline;
import dev.steward.dsr.requests.RequestTimeline.Kind;
import dev.steward.platform.security.CurrentUser;
import dev.steward.platform.validation.ConcurrentChangeException;
import dev.steward.platform.validation.Inputs;
import dev.steward.platform.validation.InvalidInputException;
import org.jooq.DSLContext;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import static dev.steward.dsr.db.Tables.CLOCK_PAUSE;
import static dev.steward.dsr.db.Tables.REQUEST;
import static dev.steward.dsr.db.Tables.REQUEST_CLOCK;

/**
 * What the team does to a request's clock: acknowledge receipt, extend it once (with the requester told within the law's
 * first period), and let it wait while the requester is asked for verification where the law allows. Each action takes
 * the request's version and bumps it.
 */
@Service
public class ClockActions {

    private final DSLContext dsl;
    private final Clocks clocks;
    private final RequestTimeline timeline;

    ClockActions(DSLContext dsl, Clocks clocks, RequestTimeline timeline) {
        this.dsl = dsl;
        this.clocks = clocks;
        this.timeline = timeline;
    }

    @PreAuthorize(DsrPermissions.MAY_WORK)
    @Transactional
    public RequestClock acknowledge(long requestId, int version) {
        RequestRecord r = locked(requestId, version);
        if (r.getAcknowledgedAt() != null) {
            throw new InvalidInputException("request", "Receipt was already acknowledged");
        }
        r.setAcknowledgedAt(Instant.now());
        bump(r);
        timeline.record(requestId, Kind.ACKNOWLEDGED, "Receipt acknowledged to the requester");
        return clocks.read(requestId).orElseThrow();
    }

    /**
     * Extends the clock by the law's one extension. Refused after the due date or the law's notice window; the requester
     * must have been told (when: {@code requesterNotifiedAt}) with the reason.
     */
    @PreAuthorize(DsrPermissions.MAY_WORK)
    @Transactional
    public RequestClock extend(long requestId, int version, String reason, Instant requesterNotifiedAt) {
        String why = Inputs.required("reason", reason, "Say why more time is needed: the requester is told the reason", 2000);
        Inputs.present("requesterNotifiedAt", requesterNotifiedAt, "Say when the requester was told of the extension");
        Instant now = Instant.now();
        RequestRecord r = locked(requestId, version);
        RequestClock clock = clocks.read(requestId).orElseThrow();
        clock.extensionRefusal(now).ifPresent(refusal -> {
            throw new InvalidInputException("request", refusal);
        });
        if (requesterNotifiedAt.isAfter(now.plus(Duration.ofMinutes(5))) || requesterNotifiedAt.isBefore(clock.receivedAt())) {
            throw new InvalidInputException("requesterNotifiedAt", "The requester was told between receipt and now");
        }
        if (requesterNotifiedAt.isAfter(clock.extensionNoticeBy())) {
            throw new InvalidInputException("requesterNotifiedAt", "The requester was told too late: the notice was due by "
                    + ClockText.endOfDay(clock.extensionNoticeBy(), clock.rule().zone()));
        }
        ClockRule rule = clock.rule();
        Instant due = ClockMath.extended(rule, clock.lawDueAt());
        String basis = "Extended by " + rule.extensionText() + " under " + rule.regime().label() + " (" + rule.citation() + ") to "
                + ClockText.endOfDay(due, rule.zone()) + ", the requester told on " + ClockText.day(requesterNotifiedAt, rule.zone())
                + ": " + why + (clock.promiseDueAt() == null ? "" : "; the company's promise gives way to the extension the requester was told of")
                + ". Before: " + clock.dueBasis();
        dsl.update(REQUEST_CLOCK).set(REQUEST_CLOCK.LAW_DUE_AT, due).set(REQUEST_CLOCK.EXTENDED_AT, now)
                .set(REQUEST_CLOCK.EXTENDED_BY, CurrentUser.username().orElse("system"))
                .set(REQUEST_CLOCK.EXTENSION_REASON, why).set(REQUEST_CLOCK.REQUESTER_NOTIFIED_AT, requesterNotifiedAt)
                .set(REQUEST_CLOCK.DUE_BASIS, basis).where(REQUEST_CLOCK.REQUEST_ID.eq(requestId)).execute();
        r.setDueAt(due);
        bump(r);
        timeline.record(requestId, Kind.EXTENDED, "Due date extended by " + rule.extensionText() + " to "
                + ClockText.endOfDay(due, rule.zone()) + "; requester told on " + ClockText.day(requesterNotifiedAt, rule.zone()), why);
        return clocks.read(requestId).orElseThrow();
    }

    /** Lets the clock wait while the requester is asked for what verification needs, where the rule allows it. */
    @PreAuthorize(DsrPermissions.MAY_WORK)
    @Transactional
    public RequestClock pause(long requestId, int version, String reason) {
        String why = Inputs.required("reason", reason, "Say what the requester was asked for", 1000);
        RequestRecord r = locked(requestId, version);
        RequestClock clock = clocks.read(requestId).orElseThrow();
        clock.pauseRefusal().ifPresent(refusal -> {
            throw new InvalidInputException("request", refusal);
        });
        Instant now = Instant.now();
        ClockPauseRecord pause = dsl.newRecord(CLOCK_PAUSE);
        pause.setRequestId(requestId);
        pause.setPausedAt(now);
        pause.setPausedBy(CurrentUser.username().orElse("system"));
        pause.setReason(why);
        pause.store();
        dsl.update(REQUEST_CLOCK).set(REQUEST_CLOCK.PAUSED_SINCE, now).where(REQUEST_CLOCK.REQUEST_ID.eq(requestId)).execute();
        bump(r);
        timeline.record(requestId, Kind.CLOCK, "Clock paused while waiting for verification (" + clock.rule().pauseCitation() + ")", why);
        return clocks.read(requestId).orElseThrow();
    }

    /** Restarts a paused clock; the due dates move by the whole days it waited (in the rule's zone). */
    @PreAuthorize(DsrPermissions.MAY_WORK)
    @Transactional
    public RequestClock resume(long requestId, int version) {
        RequestRecord r = locked(requestId, version);
        RequestClock clock = clocks.read(requestId).orElseThrow();
        if (!clock.paused()) {
            throw new InvalidInputException("request", "The clock is not paused");
        }
        Instant now = Instant.now();
        ZoneId zone = clock.rule().zone();
        int days = ClockMath.pausedDays(clock.pausedSince(), now, zone);
        Instant due = ClockMath.shifted(r.getDueAt(), days, zone);
        dsl.update(REQUEST_CLOCK)
                .set(REQUEST_CLOCK.LAW_DUE_AT, ClockMath.shifted(clock.lawDueAt(), days, zone))
                .set(REQUEST_CLOCK.PROMISE_DUE_AT, ClockMath.shifted(clock.promiseDueAt(), days, zone))
                .set(REQUEST_CLOCK.EXTENSION_NOTICE_BY, ClockMath.shifted(clock.extensionNoticeBy(), days, zone))
                .set(REQUEST_CLOCK.PAUSED_SINCE, (Instant) null)
                .set(REQUEST_CLOCK.PAUSED_DAYS, clock.pausedDays() + days)
                .where(REQUEST_CLOCK.REQUEST_ID.eq(requestId)).execute();
        dsl.update(CLOCK_PAUSE).set(CLOCK_PAUSE.RESUMED_AT, now).set(CLOCK_PAUSE.RESUMED_BY, CurrentUser.username().orElse("system"))
                .set(CLOCK_PAUSE.MOVED_DAYS, days)
                .where(CLOCK_PAUSE.REQUEST_ID.eq(requestId).and(CLOCK_PAUSE.RESUMED_AT.isNull())).execute();
        r.setDueAt(due);
        bump(r);
        timeline.record(requestId, Kind.CLOCK, "Clock resumed after " + days + (days == 1 ? " day" : " days")
                + (due == null ? "" : "; now due " + ClockText.endOfDay(due, zone)));
        return clocks.read(requestId).orElseThrow();
    }

    private RequestRecord locked(long requestId, int version) {
        RequestRecord r = dsl.selectFrom(REQUEST).where(REQUEST.ID.eq(requestId)).forUpdate().fetchOptional()
                .orElseThrow(() -> new InvalidInputException("request", "There is no request " + requestId));
        if (r.getVersion() != version) {
            throw new ConcurrentChangeException("Someone else changed request " + r.getReference() + " in the meantime; reload and try again");
        }
        if (r.getStatus() == RequestStatus.CLOSED) {
            throw new InvalidInputException("request", "Request " + r.getReference() + " is closed");
        }
        return r;
    }

    private static void bump(RequestRecord r) {
        r.setVersion(r.getVersion() + 1);
        r.store();
    }
}
