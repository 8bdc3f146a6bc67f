package io.conduithex.adapter.jdbi.error;

import io.conduithex.domain.failure.CommitOutcomeUnknownException;
import io.conduithex.domain.failure.DatabaseUnavailableException;
import io.conduithex.domain.failure.DatabaseUnavailableException.Reason;
import io.conduithex.domain.failure.PersistenceException;
import io.conduithex.domain.failure.QueryTimeoutException;
import io.conduithex.domain.failure.TransientPersistenceException;
import io.conduithex.domain.failure.TransientPersistenceException.Cause;
import io.conduithex.domain.failure.UnexpectedPersistenceException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * What the classifiers of the database servers (PostgreSQL, MariaDB) judge alike, before each reads its own
 * error codes: a failure without an SQL error, a connection the pool could not lend, a server that stopped
 * answering within the driver's socket timeout, and a connection lost before, during or after the work.
 */
abstract class ServerErrorClassifier implements SqlErrorClassifier {

    /** The class of SQLSTATEs ("08xxx") for a connection that failed or broke. */
    private static final String CONNECTION_EXCEPTION_CLASS = "08";

    @Override
    public final PersistenceException classify(Throwable failure, Phase phase) {
        SQLException sql = SqlErrorClassifier.firstSqlException(failure);
        if (sql == null) {
            return new UnexpectedPersistenceException("database access failed without an SQL error: " + failure, failure);
        }
        if (sql instanceof SQLTransientConnectionException && phase == Phase.ACQUIRE) {
            // HikariCP's "Connection is not available, request timed out". Its cause is the pool's last failure
            // to open a connection (cleared by the next success): with one, the server cannot be reached or
            // refuses our logins; without one, every connection is simply lent out.
            if (sql.getCause() != null) {
                SQLException underlying = SqlErrorClassifier.firstSqlException(sql.getCause());
                Reason reason = underlying != null && isLoginRefused(underlying)
                        ? Reason.LOGIN_REFUSED : Reason.CANNOT_CONNECT;
                return new DatabaseUnavailableException(reason,
                        underlying != null ? describe(underlying) : sql.getCause().toString(), failure);
            }
            return new DatabaseUnavailableException(Reason.POOL_EXHAUSTED, describe(sql), failure);
        }
        if (phase == Phase.WORK && SqlErrorClassifier.isSocketTimeout(failure)) {
            // The driver's socket timeout sits above the server's statement timeout, so the server did not even
            // end the statement: it, or the network to it, stopped answering. Running the work again would wait
            // as long.
            return new QueryTimeoutException("the database did not answer within the driver's socket timeout;"
                    + " the connection was dropped: " + describe(sql), failure);
        }
        return classifyServerError(sql, failure, phase);
    }

    /** Classifies an error the server (or the driver on its behalf) reported, by the dialect's codes. */
    protected abstract PersistenceException classifyServerError(SQLException sql, Throwable failure, Phase phase);

    /** Whether the pool's last failure to connect was the server refusing our user or password. */
    protected abstract boolean isLoginRefused(SQLException underlying);

    /** The error's codes and message, for the failure's message and the operator's log. */
    protected abstract String describe(SQLException sql);

    protected static boolean isConnectionFailure(String state) {
        return state != null && state.startsWith(CONNECTION_EXCEPTION_CLASS);
    }

    /**
     * A connection that broke: before the work it is the server that cannot be reached, during the work the unit
     * of work may run again, and during COMMIT nobody can say whether the transaction was stored.
     */
    protected final PersistenceException connectionLost(SQLException sql, Throwable failure, Phase phase) {
        return switch (phase) {
            case ACQUIRE -> new DatabaseUnavailableException(Reason.CANNOT_CONNECT, describe(sql), failure);
            case WORK -> new TransientPersistenceException(Cause.CONNECTION_LOST, describe(sql), failure);
            case COMMIT -> new CommitOutcomeUnknownException(
                    "connection lost during COMMIT; the transaction may or may not have been stored: " + describe(sql),
                    failure);
        };
    }
}
