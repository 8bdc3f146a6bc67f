package io.conduithex.adapter.jdbi.error;

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
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/** Classifies PostgreSQL errors by SQLSTATE (see the PostgreSQL manual, appendix A, "Error Codes"). */
final class PostgresErrorClassifier extends ServerErrorClassifier {

    @Override
    protected PersistenceException classifyServerError(SQLException sql, Throwable failure, Phase phase) {
        String state = sql.getSQLState() == null ? "" : sql.getSQLState();
        return switch (state) {
            // 40P01 deadlock_detected: the server aborted our transaction to break a lock cycle.
            case "40P01" -> new TransientPersistenceException(Cause.DEADLOCK, describe(sql), failure);
            // 40001 serialization_failure: a concurrent transaction made ours unserializable.
            case "40001" -> new TransientPersistenceException(Cause.SERIALIZATION_FAILURE, describe(sql), failure);
            // 55P03 lock_not_available: a lock was not granted within lock_timeout; its holder may be done by now.
            case "55P03" -> new TransientPersistenceException(Cause.BUSY, describe(sql), failure);
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

    @Override
    protected boolean isLoginRefused(SQLException underlying) {
        String state = underlying.getSQLState();
        return "28000".equals(state) || "28P01".equals(state);
    }

    private ConstraintViolationException constraint(Kind kind, SQLException sql, Throwable failure) {
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

    @Override
    protected String describe(SQLException sql) {
        return "SQLSTATE " + sql.getSQLState() + ": " + sql.getMessage();
    }
}
