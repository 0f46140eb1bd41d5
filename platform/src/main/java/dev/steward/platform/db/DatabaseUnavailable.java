package dev.steward.platform.db;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/**
 * Tells a failure because the database cannot be reached (down, restarting, the pool timed out waiting for a
 * connection) from any other failure, wherever it is wrapped: jOOQ, Spring's translation, a transaction that could
 * not begin, Spring Security's {@code InternalAuthenticationServiceException}, a servlet exception.
 */
public final class DatabaseUnavailable {

    /** What a person is told; callers add what happens to their input. */
    public static final String MESSAGE = "Steward cannot reach its database right now.";

    private DatabaseUnavailable() {
    }

    public static boolean causedBy(Throwable thrown) {
        int depth = 0;
        for (Throwable t = thrown; t != null && depth < 20; t = t.getCause(), depth++) {
            if (t instanceof DataAccessResourceFailureException || t instanceof CannotCreateTransactionException
                    || t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && isConnectionState(sql.getSQLState())) {
                return true;
            }
            // the rollback after a failed statement failed too: the statement's failure is kept beside the cause
            if (t instanceof TransactionSystemException rollback && rollback.getApplicationException() != null
                    && causedBy(rollback.getApplicationException())) {
                return true;
            }
        }
        return false;
    }

    /**
     * SQLSTATE class 08 (connection exception), and the server going away: 57P01 admin shutdown, 57P02 crash
     * shutdown, 57P03 cannot connect now (starting up or shutting down).
     */
    private static boolean isConnectionState(String state) {
        return state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03"));
    }
}
