package dev.steward.dsr.clocks;

import dev.steward.dsr.DsrPermissions;
import dev.steward.dsr.requests.RequestStatus;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static dev.steward.dsr.db.Tables.REQUEST;

/** The dashboard's figures about request clocks; each one small query on the open-requests index. */
@Service
public class ClockStats {

    /** An open request and when it is due, for a countdown. */
    public record DueRequest(long id, String reference, Instant due) {
    }

    private final DSLContext dsl;

    ClockStats(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Open requests due from now to {@code within} ahead, soonest first, at most {@code limit}. */
    @PreAuthorize(DsrPermissions.MAY_READ)
    @Transactional(readOnly = true)
    public List<DueRequest> dueWithin(Duration within, int limit) {
        Instant now = Instant.now();
        return dsl.select(REQUEST.ID, REQUEST.REFERENCE, REQUEST.DUE_AT).from(REQUEST)
                .where(REQUEST.STATUS.ne(RequestStatus.CLOSED).and(REQUEST.DUE_AT.between(now, now.plus(within))))
                .orderBy(REQUEST.DUE_AT, REQUEST.ID).limit(limit)
                .fetch(r -> new DueRequest(r.value1(), r.value2(), r.value3()));
    }

    @PreAuthorize(DsrPermissions.MAY_READ)
    @Transactional(readOnly = true)
    public int dueWithinCount(Duration within) {
        Instant now = Instant.now();
        return dsl.fetchCount(REQUEST, REQUEST.STATUS.ne(RequestStatus.CLOSED).and(REQUEST.DUE_AT.between(now, now.plus(within))));
    }

    @PreAuthorize(DsrPermissions.MAY_READ)
    @Transactional(readOnly = true)
    public int overdueCount() {
        return dsl.fetchCount(REQUEST, REQUEST.STATUS.ne(RequestStatus.CLOSED).and(REQUEST.DUE_AT.lt(Instant.now())));
    }

    @PreAuthorize(DsrPermissions.MAY_READ)
    @Transactional(readOnly = true)
    public int awaitingVerificationCount() {
        return dsl.fetchCount(REQUEST, REQUEST.STATUS.eq(RequestStatus.AWAITING_VERIFICATION));
    }

    /** The median of days from receipt to closing among requests closed in the last {@code period}, empty when none. */
    @PreAuthorize(DsrPermissions.MAY_READ)
    @Transactional(readOnly = true)
    public Optional<Double> medianDaysToClose(Duration period) {
        var days = DSL.field("extract(epoch from ({0} - {1})) / 86400.0", SQLDataType.DOUBLE, REQUEST.CLOSED_AT, REQUEST.RECEIVED_AT);
        Double median = dsl.select(DSL.percentileCont(0.5).withinGroupOrderBy(days)).from(REQUEST)
                .where(REQUEST.CLOSED_AT.ge(Instant.now().minus(period)))
                .fetchOne(0, Double.class);
        return Optional.ofNullable(median);
    }
}
