package io.conduithex.adapter.jdbi.error;

import io.conduithex.domain.failure.CommitOutcomeUnknownException;
import io.conduithex.domain.failure.ConstraintViolationException;
import io.conduithex.domain.failure.ConstraintViolationException.Kind;
import io.conduithex.domain.failure.DatabaseUnavailableException;
import io.conduithex.domain.failure.DatabaseUnavailableException.Reason;
import io.conduithex.domain.failure.PersistenceException;
import io.conduithex.domain.failure.QueryTimeoutException;
import io.conduithex.domain.failure.TransientPersistenceException;
import io.conduithex.domain.failure.TransientPersistenceException.Cause;
import io.conduithex.domain.failure.UnexpectedPersistenceException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/** Classifies PostgreSQL errors by SQLSTATE (see the PostgreSQL manual, appendix A, "Error Codes"). */
final class PostgresErrorClassifier implements SqlErrorClassifier {

    /** The class of SQLSTATEs ("08xxx") for a connection that failed or broke. */
    private static final String CONNECTION_EXCEPTION_CLASS = "08";

    @Override
    public PersistenceException classify(Throwable failure, Phase phase) {
        SQLException sql = SqlErrorClassifier.firstSqlException(failure);
        if (sql == null) {
            return new UnexpectedPersistenceException("database access failed without an SQL error: " + failure, failure);
        }
        if (sql instanceof SQLTransientConnectionException && phase == Phase.ACQUIRE) {
            // HikariCP's "Connection is not available, request timed out". Its cause is the pool's last failure
            // to open a connection (cleared by the next success): with one, the server cannot be reached or
            // refuses our logins (08xxx, 53300, 3D000, 28P01, ...); without one, every connection is simply lent out.
            if (sql.getCause() != null) {
                SQLException underlying = SqlErrorClassifier.firstSqlException(sql.getCause());
                Reason reason = underlying != null && isLoginRefused(underlying.getSQLState())
                        ? Reason.LOGIN_REFUSED : Reason.CANNOT_CONNECT;
                return new DatabaseUnavailableException(reason,
                        underlying != null ? describe(underlying) : sql.getCause().toString(), failure);
            }
            return new DatabaseUnavailableException(Reason.POOL_EXHAUSTED, describe(sql), failure);
        }
        if (phase == Phase.WORK && SqlErrorClassifier.isSocketTimeout(failure)) {
            // The driver's socket timeout sits above statement_timeout, so the server did not even cancel the
            // statement: it, or the network to it, stopped answering. Running the work again would wait as long.
            return new QueryTimeoutException("the database did not answer within the driver's socket timeout;"
                    + " the connection was dropped: " + describe(sql), failure);
        }
        String state = sql.getSQLState() == null ? "" : sql.getSQLState();
        return switch (state) {
            // 40P01 deadlock_detected: the server aborted our transaction to break a lock cycle.
            case "40P01" -> new TransientPersistenceException(Cause.DEADLOCK, describe(sql), failure);
            // 40001 serialization_failure: a concurrent transaction made ours unserializable.
            case "40001" -> new TransientPersistenceException(Cause.SERIALIZATION_FAILURE, describe(sql), failure);
            // 23505 unique_violation, 23503 foreign_key_violation, 23502 not_null_violation,
            // 23514 check_violation, 23P01 exclusion_violation.
            case "23505" -> constraint(Kind.UNIQUE, sql, failure);
            case "23503" -> constraint(Kind.FOREIGN_KEY, sql, failure);
            case "23502" -> constraint(Kind.NOT_NULL, sql, failure);
            case "23514" -> constraint(Kind.CHECK, sql, failure);
            case "23P01" -> constraint(Kind.EXCLUSION, sql, failure);
            // 57014 query_canceled: statement_timeout fired (or a cancel request arrived).
            case "57014" -> new QueryTimeoutException(describe(sql), failure);
            // 57P03 cannot_connect_now (starting up), 53300 too_many_connections: refused at the door, for now.
            // 3D000 invalid_catalog_name: no such database (yet: it may be being created).
            case "57P03", "53300", "3D000" ->
                    new DatabaseUnavailableException(Reason.CANNOT_CONNECT, describe(sql), failure);
            // 28000 invalid_authorization_specification (a role that may not log in, no pg_hba entry),
            // 28P01 invalid_password: the login itself is refused, and waiting will not change that.
            case "28000", "28P01" -> new DatabaseUnavailableException(Reason.LOGIN_REFUSED, describe(sql), failure);
            // 57P01 admin_shutdown, 57P02 crash_shutdown: the server ended our session.
            // 25P03 idle_in_transaction_session_timeout: the server ended our idle session.
            case "57P01", "57P02", "25P03" -> connectionLost(sql, failure, phase);
            default -> isConnectionFailure(state)
                    ? connectionLost(sql, failure, phase)
                    : new UnexpectedPersistenceException(describe(sql), failure);
        };
    }

    private static boolean isLoginRefused(String state) {
        return "28000".equals(state) || "28P01".equals(state);
    }

    private static boolean isConnectionFailure(String state) {
        return state != null && state.startsWith(CONNECTION_EXCEPTION_CLASS);
    }

    private static PersistenceException connectionLost(SQLException sql, Throwable failure, Phase phase) {
        return switch (phase) {
            case ACQUIRE -> new DatabaseUnavailableException(Reason.CANNOT_CONNECT, describe(sql), failure);
            case WORK -> new TransientPersistenceException(Cause.CONNECTION_LOST, describe(sql), failure);
            case COMMIT -> new CommitOutcomeUnknownException(
                    "connection lost during COMMIT; the transaction may or may not have been stored: " + describe(sql),
                    failure);
        };
    }

    private static ConstraintViolationException constraint(Kind kind, SQLException sql, Throwable failure) {
        String constraint = null;
        String table = null;
        String column = null;
        if (sql instanceof PSQLException psql) {
            ServerErrorMessage server = psql.getServerErrorMessage();
            if (server != null) {
                constraint = server.getConstraint();
                table = server.getTable();
                column = server.getColumn();
            }
        }
        var known = ConstraintCatalog.lookup(constraint);
        if (known.isPresent()) {
            table = known.get().table();
            column = column != null ? column : known.get().column();
        }
        return new ConstraintViolationException(kind, constraint, table, column, describe(sql), failure);
    }

    private static String describe(SQLException sql) {
        return "SQLSTATE " + sql.getSQLState() + ": " + sql.getMessage();
    }
}
