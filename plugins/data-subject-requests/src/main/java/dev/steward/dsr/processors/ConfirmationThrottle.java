package dev.steward.dsr.processors;

import dev.steward.platform.Sha256;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;

import static dev.steward.dsr.db.Tables.INTAKE_THROTTLE;

/**
 * The confirmation page's rate limit per client address, kept in the intake's throttle table under its own key
 * (hashed; the intake's purge removes entries after a day). Every answer and every visit with a link that is no
 * valid token counts, in a transaction of its own so that a refused answer counts too; visits with a good link do not
 * (a contact may open the page many times). Tokens cannot be guessed anyway; this keeps floods off the database.
 */
@Component
class ConfirmationThrottle {

    static final int PER_ADDRESS_PER_HOUR = 30;
    static final Duration WINDOW = Duration.ofHours(1);

    private final DSLContext dsl;
    private final TransactionTemplate own;

    ConfirmationThrottle(DSLContext dsl, PlatformTransactionManager transactions) {
        this.dsl = dsl;
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Whether the address has used up its hour. */
    boolean held(String clientAddress, Instant now) {
        return dsl.fetchCount(INTAKE_THROTTLE, INTAKE_THROTTLE.KIND.eq("ADDRESS").and(INTAKE_THROTTLE.KEY_HASH.eq(key(clientAddress)))
                .and(INTAKE_THROTTLE.AT.gt(now.minus(WINDOW)))) >= PER_ADDRESS_PER_HOUR;
    }

    /** Counts one call against the address, committed whatever becomes of the caller's transaction. */
    void count(String clientAddress, Instant now) {
        own.executeWithoutResult(status -> dsl.insertInto(INTAKE_THROTTLE, INTAKE_THROTTLE.KIND, INTAKE_THROTTLE.KEY_HASH, INTAKE_THROTTLE.AT)
                .values("ADDRESS", key(clientAddress), now).execute());
    }

    private static String key(String clientAddress) {
        return Sha256.hex("processor-page:" + (clientAddress == null ? "" : clientAddress));
    }
}
