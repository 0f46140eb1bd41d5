package dev.steward.platform.security;

import org.jooq.DSLContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static dev.steward.platform.db.generated.Tables.APP_USER;
import static dev.steward.platform.db.generated.Tables.SIGN_IN_FAILURE;
import static dev.steward.platform.db.generated.Tables.SIGN_IN_KNOWN_SOURCE;

/**
 * Slows password guessing without letting anyone lock an account. Failures are counted per account and source,
 * per source across accounts (spraying) and per account from sources it never signed in from; after a few, that
 * key is refused without checking the password until a "not before" time whose delay doubles with each further
 * failure, up to a cap. A source the account has signed in from before ("known") is throttled only by its own
 * failures on that account, so a flood from elsewhere never keeps the owner out. Names that are no account are
 * counted per source only, so a flood of random names adds no rows. The state is in the database: every console
 * sharing it sees the same counts.
 */
@Service
public class SignInThrottle {

    enum Scope { ACCOUNT_SOURCE, UNKNOWN_ACCOUNT, SOURCE, ACCOUNT }

    private final DSLContext dsl;
    private final Clock clock;
    private final int freePerAccountAndSource;
    private final int freePerSource;
    private final int freePerAccount;
    private final Duration firstDelay;
    private final Duration maxDelay;
    private final Duration forgetAfter;
    private final Duration knownFor;

    public SignInThrottle(DSLContext dsl, ObjectProvider<Clock> clock,
                          @Value("${steward.sign-in.free-failures-per-account-and-source:5}") int freePerAccountAndSource,
                          @Value("${steward.sign-in.free-failures-per-source:20}") int freePerSource,
                          @Value("${steward.sign-in.free-failures-per-account:10}") int freePerAccount,
                          @Value("${steward.sign-in.first-delay:1m}") Duration firstDelay,
                          @Value("${steward.sign-in.max-delay:15m}") Duration maxDelay,
                          @Value("${steward.sign-in.forget-failures-after:24h}") Duration forgetAfter,
                          @Value("${steward.sign-in.known-source-for:90d}") Duration knownFor) {
        this.dsl = dsl;
        this.clock = clock.getIfUnique(Clock::systemUTC);
        this.freePerAccountAndSource = freePerAccountAndSource;
        this.freePerSource = freePerSource;
        this.freePerAccount = freePerAccount;
        this.firstDelay = firstDelay;
        this.maxDelay = maxDelay;
        this.forgetAfter = forgetAfter;
        this.knownFor = knownFor;
    }

    /** How long this account may not be tried from this source, or empty when an attempt may go ahead. */
    @Transactional(readOnly = true)
    public Optional<Duration> refusedFor(String username, String source) {
        String from = SignInSource.normalise(source);
        Instant now = clock.instant();
        boolean exists = isAccount(username);
        var keys = exists ? SIGN_IN_FAILURE.SCOPE.eq(Scope.ACCOUNT_SOURCE.name()).and(SIGN_IN_FAILURE.ACCOUNT.eq(username))
                .and(SIGN_IN_FAILURE.SOURCE.eq(from))
                : SIGN_IN_FAILURE.SCOPE.eq(Scope.UNKNOWN_ACCOUNT.name()).and(SIGN_IN_FAILURE.SOURCE.eq(from));
        if (!exists || !isKnown(username, from, now)) {
            keys = keys.or(SIGN_IN_FAILURE.SCOPE.eq(Scope.SOURCE.name()).and(SIGN_IN_FAILURE.SOURCE.eq(from)));
            if (exists) {
                keys = keys.or(SIGN_IN_FAILURE.SCOPE.eq(Scope.ACCOUNT.name()).and(SIGN_IN_FAILURE.ACCOUNT.eq(username)));
            }
        }
        return dsl.select(SIGN_IN_FAILURE.NOT_BEFORE).from(SIGN_IN_FAILURE).where(keys)
                .and(SIGN_IN_FAILURE.NOT_BEFORE.gt(now))
                .fetch(SIGN_IN_FAILURE.NOT_BEFORE).stream().max(Instant::compareTo)
                .map(until -> Duration.between(now, until));
    }

    /** Counts a failed attempt (wrong password, unknown or deactivated account). */
    @Transactional
    public void failed(String username, String source) {
        String from = SignInSource.normalise(source);
        Instant now = clock.instant();
        boolean exists = isAccount(username);
        if (exists) {
            count(Scope.ACCOUNT_SOURCE, username, from, freePerAccountAndSource, now);
            if (!isKnown(username, from, now)) {
                count(Scope.ACCOUNT, username, "", freePerAccount, now);
            }
        } else {
            count(Scope.UNKNOWN_ACCOUNT, "", from, freePerAccountAndSource, now);
        }
        count(Scope.SOURCE, "", from, freePerSource, now);
    }

    /** The right password: this source is now known for the account and its streak there ends. */
    @Transactional
    public void succeeded(String username, String source) {
        String from = SignInSource.normalise(source);
        Instant now = clock.instant();
        dsl.deleteFrom(SIGN_IN_FAILURE).where(SIGN_IN_FAILURE.SCOPE.eq(Scope.ACCOUNT_SOURCE.name()))
                .and(SIGN_IN_FAILURE.ACCOUNT.eq(username)).and(SIGN_IN_FAILURE.SOURCE.eq(from)).execute();
        dsl.insertInto(SIGN_IN_KNOWN_SOURCE).set(SIGN_IN_KNOWN_SOURCE.ACCOUNT, username)
                .set(SIGN_IN_KNOWN_SOURCE.SOURCE, from).set(SIGN_IN_KNOWN_SOURCE.LAST_SUCCESS_AT, now)
                .onConflict(SIGN_IN_KNOWN_SOURCE.ACCOUNT, SIGN_IN_KNOWN_SOURCE.SOURCE).doUpdate()
                .set(SIGN_IN_KNOWN_SOURCE.LAST_SUCCESS_AT, now).execute();
        dsl.update(APP_USER).set(APP_USER.LAST_LOGIN_AT, now).where(APP_USER.USERNAME.eq(username)).execute();
    }

    /** Removes streaks that are over and known sources not used for a long time; returns the rows removed. */
    @Transactional
    public int purge() {
        Instant now = clock.instant();
        int streaks = dsl.deleteFrom(SIGN_IN_FAILURE)
                .where(SIGN_IN_FAILURE.LAST_FAILURE_AT.lt(now.minus(forgetAfter)))
                .and(SIGN_IN_FAILURE.NOT_BEFORE.isNull().or(SIGN_IN_FAILURE.NOT_BEFORE.lt(now)))
                .execute();
        return streaks + dsl.deleteFrom(SIGN_IN_KNOWN_SOURCE)
                .where(SIGN_IN_KNOWN_SOURCE.LAST_SUCCESS_AT.lt(now.minus(knownFor))).execute();
    }

    private void count(Scope scope, String account, String source, int free, Instant now) {
        Instant forgotten = now.minus(forgetAfter);
        Integer failures = dsl.insertInto(SIGN_IN_FAILURE)
                .set(SIGN_IN_FAILURE.SCOPE, scope.name()).set(SIGN_IN_FAILURE.ACCOUNT, account)
                .set(SIGN_IN_FAILURE.SOURCE, source).set(SIGN_IN_FAILURE.FAILURES, 1)
                .set(SIGN_IN_FAILURE.LAST_FAILURE_AT, now)
                .onConflict(SIGN_IN_FAILURE.SCOPE, SIGN_IN_FAILURE.ACCOUNT, SIGN_IN_FAILURE.SOURCE).doUpdate()
                .set(SIGN_IN_FAILURE.FAILURES, org.jooq.impl.DSL.when(SIGN_IN_FAILURE.LAST_FAILURE_AT.lt(forgotten), 1)
                        .otherwise(SIGN_IN_FAILURE.FAILURES.plus(1)))
                .set(SIGN_IN_FAILURE.LAST_FAILURE_AT, now)
                .returning(SIGN_IN_FAILURE.FAILURES).fetchOne(SIGN_IN_FAILURE.FAILURES);
        if (failures != null && failures >= free) {
            dsl.update(SIGN_IN_FAILURE).set(SIGN_IN_FAILURE.NOT_BEFORE, now.plus(delayAfter(failures - free)))
                    .where(SIGN_IN_FAILURE.SCOPE.eq(scope.name())).and(SIGN_IN_FAILURE.ACCOUNT.eq(account))
                    .and(SIGN_IN_FAILURE.SOURCE.eq(source)).execute();
        }
    }

    /** The first delay, doubled for each failure beyond the free ones, at most the cap. */
    Duration delayAfter(int beyondFree) {
        Duration delay = firstDelay;
        for (int i = 0; i < beyondFree && delay.compareTo(maxDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }

    boolean isAccount(String username) {
        return username != null && dsl.fetchExists(APP_USER, APP_USER.USERNAME.eq(username));
    }

    private boolean isKnown(String username, String source, Instant now) {
        return dsl.fetchExists(SIGN_IN_KNOWN_SOURCE, SIGN_IN_KNOWN_SOURCE.ACCOUNT.eq(username)
                .and(SIGN_IN_KNOWN_SOURCE.SOURCE.eq(source))
                .and(SIGN_IN_KNOWN_SOURCE.LAST_SUCCESS_AT.gt(now.minus(knownFor))));
    }
}
