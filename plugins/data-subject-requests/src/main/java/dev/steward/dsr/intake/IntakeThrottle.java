package dev.steward.dsr.intake;

import dev.steward.platform.Sha256;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import static dev.steward.dsr.db.Tables.INTAKE_THROTTLE;

/**
 * The public page's rate limit: so many submissions an hour from one client address, fewer for one email address (so
 * that nobody floods someone else's mailbox with codes). Only hashes of the addresses are kept, for a day.
 */
@Component
class IntakeThrottle {

    static final int PER_ADDRESS_PER_HOUR = 10;
    static final int PER_EMAIL_PER_HOUR = 3;
    static final Duration WINDOW = Duration.ofHours(1);
    static final Duration KEPT = Duration.ofDays(1);

    private final DSLContext dsl;

    IntakeThrottle(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Refuses the submission when either address has used up its hour; the message names which limit, not the value. */
    void check(String clientAddress, String email, Instant now) {
        if (count("ADDRESS", addressKey(clientAddress), now) >= PER_ADDRESS_PER_HOUR) {
            throw new SubmissionRefused("Too many requests were sent from your network in the last hour. Please try again in an hour.");
        }
        if (email != null && count("EMAIL", emailKey(email), now) >= PER_EMAIL_PER_HOUR) {
            throw new SubmissionRefused("Too many requests were sent for this email address in the last hour. "
                    + "Please check your mailbox for the code we sent, or try again in an hour.");
        }
    }

    /** Counts one submission against both addresses (set-based: the hashes are no business record to audit). */
    void record(String clientAddress, String email, Instant now) {
        dsl.insertInto(INTAKE_THROTTLE, INTAKE_THROTTLE.KIND, INTAKE_THROTTLE.KEY_HASH, INTAKE_THROTTLE.AT)
                .values("ADDRESS", addressKey(clientAddress), now)
                .values("EMAIL", emailKey(email), now).execute();
    }

    int forget(Instant now) {
        return dsl.deleteFrom(INTAKE_THROTTLE).where(INTAKE_THROTTLE.AT.lt(now.minus(KEPT))).execute();
    }

    private int count(String kind, String key, Instant now) {
        return dsl.fetchCount(INTAKE_THROTTLE, INTAKE_THROTTLE.KIND.eq(kind).and(INTAKE_THROTTLE.KEY_HASH.eq(key))
                .and(INTAKE_THROTTLE.AT.gt(now.minus(WINDOW))));
    }

    private static String addressKey(String clientAddress) {
        return Sha256.hex("address:" + (clientAddress == null ? "" : clientAddress));
    }

    private static String emailKey(String email) {
        return Sha256.hex("email:" + email.strip().toLowerCase(Locale.ROOT));
    }
}
