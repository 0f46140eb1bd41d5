package dev.steward.dsr.clocks;

import dev.steward.dsr.DsrPermissions;
import dev.steward.dsr.db.tables.records.ClockPromiseRecord;
import dev.steward.dsr.requests.Regime;
import dev.steward.platform.security.CurrentUser;
import dev.steward.platform.validation.InvalidInputException;
import dev.steward.platform.validation.InvalidInputException.Problem;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dev.steward.dsr.db.Tables.CLOCK_PROMISE;

/**
 * The company's promised response times, as its published policy states them: one for every regime and optionally one
 * per regime that overrides it. Versioned like the rules; withdrawing a promise writes a version without days. A request
 * keeps the promise it was opened under.
 */
@Service
public class Promises {

    private final DSLContext dsl;

    Promises(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The promises in force: the one for every regime (regime null) first, then per regime. */
    @PreAuthorize(DsrPermissions.MAY_READ)
    @Transactional(readOnly = true)
    public List<Promise> current() {
        return dsl.selectFrom(CLOCK_PROMISE).where(CLOCK_PROMISE.SUPERSEDED_BY.isNull().and(CLOCK_PROMISE.DAYS.isNotNull()))
                .orderBy(DSL.when(CLOCK_PROMISE.SCOPE.eq(Promise.ALL), 0).otherwise(1), CLOCK_PROMISE.SCOPE)
                .fetch(Promises::toPromise);
    }

    /**
     * Promises an answer within {@code days} calendar days for {@code regime} (null: every regime), quoting its source.
     */
    @PreAuthorize(DsrPermissions.MAY_ADMIN)
    @Transactional
    public Promise promise(Regime regime, Integer days, String source, String reason) {
        List<Problem> problems = new ArrayList<>();
        if (days == null || days < 1 || days > 365) {
            problems.add(new Problem("days", "Promise between 1 and 365 days"));
        }
        if (source == null || source.isBlank() || source.length() > 1000) {
            problems.add(new Problem("source", "Quote where the company promises it, e.g. Privacy policy, \"We will respond within 30 days\""));
        }
        requireReason(problems, reason);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return toPromise(write(scope(regime), days, source.strip(), reason.strip()));
    }

    /** Withdraws the promise for {@code regime} (null: the one for every regime); open requests keep their dates. */
    @PreAuthorize(DsrPermissions.MAY_ADMIN)
    @Transactional
    public void withdraw(Regime regime, String reason) {
        List<Problem> problems = new ArrayList<>();
        requireReason(problems, reason);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        write(scope(regime), null, null, reason.strip());
    }

    /** The promise that applies to a regime now: its own, else the one for every regime. */
    Optional<Promise> applying(Regime regime) {
        return inForce(scope(regime)).or(() -> inForce(Promise.ALL));
    }

    Optional<Promise> byId(Long id) {
        return id == null ? Optional.empty()
                : dsl.selectFrom(CLOCK_PROMISE).where(CLOCK_PROMISE.ID.eq(id)).fetchOptional(Promises::toPromise);
    }

    private Optional<Promise> inForce(String scope) {
        return dsl.selectFrom(CLOCK_PROMISE)
                .where(CLOCK_PROMISE.SCOPE.eq(scope).and(CLOCK_PROMISE.SUPERSEDED_BY.isNull()).and(CLOCK_PROMISE.DAYS.isNotNull()))
                .fetchOptional(Promises::toPromise);
    }

    private ClockPromiseRecord write(String scope, Integer days, String source, String reason) {
        ClockPromiseRecord old = dsl.selectFrom(CLOCK_PROMISE).where(CLOCK_PROMISE.SCOPE.eq(scope).and(CLOCK_PROMISE.SUPERSEDED_BY.isNull()))
                .forUpdate().fetchOptional().orElse(null);
        ClockPromiseRecord r = dsl.newRecord(CLOCK_PROMISE);
        r.setScope(scope);
        r.setVersion(old == null ? 1 : old.getVersion() + 1);
        r.setDays(days);
        r.setSource(source);
        r.setChangedBy(CurrentUser.username().orElse("system"));
        r.setChangedAt(Instant.now());
        r.setChangeReason(reason);
        r.store();
        if (old != null) {
            old.setSupersededBy(r.getId());
            old.store();
        }
        return r;
    }

    private static void requireReason(List<Problem> problems, String reason) {
        if (reason == null || reason.isBlank()) {
            problems.add(new Problem("reason", "Say why the promise changes: its history keeps it"));
        }
    }

    private static String scope(Regime regime) {
        return regime == null ? Promise.ALL : regime.name();
    }

    static Promise toPromise(ClockPromiseRecord r) {
        return new Promise(r.getId(), r.getScope().equals(Promise.ALL) ? null : Regime.valueOf(r.getScope()), r.getVersion(),
                r.getDays(), r.getSource(), r.getChangedBy(), r.getChangedAt(), r.getChangeReason());
    }
}
