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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Classifies MariaDB errors by the server's error code (see MariaDB's "Error Codes" reference), and by SQLSTATE
 * where Connector/J raises an error of its own (a broken socket: class 08, error code -1 or a client code).
 *
 * <p>MariaDB names the violated constraint only in the message: the key of a duplicate entry, the constraint of
 * a foreign key or CHECK, the column of a NOT NULL or of a value too long. The code decides what the error is;
 * the message is read only for that name, and MariaDbErrorClassifierTest pins each shape. A primary key is
 * always named {@code PRIMARY}, and its duplicate-key error names no table. A connection lost during COMMIT is
 * always an unknown outcome: MariaDB offers no way to ask afterwards what became of another session's transaction.
 */
final class MariaDbErrorClassifier extends ServerErrorClassifier {

    // 1062: "Duplicate entry 'x' for key 'users_email_key'" (newer servers: 'users.users_email_key').
    private static final Pattern DUPLICATE_KEY = Pattern.compile("for key '(?:[^'.]+\\.)?([^']+)'$");
    // 1451, 1452, 4025: "... CONSTRAINT `follows_followee_fkey` FOREIGN KEY ..." and "CONSTRAINT `x` failed for".
    private static final Pattern NAMED_CONSTRAINT = Pattern.compile("CONSTRAINT `([^`]+)`");
    // 1451, 1452, 4025: "(`db`.`follows`, CONSTRAINT" and "failed for `db`.`users`".
    private static final Pattern TABLE = Pattern.compile("`[^`]+`\\.`([^`]+)`");
    // 1048: "Column 'email' cannot be null"; 1406: "Data too long for column 'email' at row 1".
    private static final Pattern COLUMN = Pattern.compile("[Cc]olumn '([^']+)'");

    @Override
    protected PersistenceException classifyServerError(SQLException sql, Throwable failure, Phase phase) {
        return switch (sql.getErrorCode()) {
            // 1213 ER_LOCK_DEADLOCK: InnoDB rolled our whole transaction back to break a lock cycle.
            case 1213 -> new TransientPersistenceException(Cause.DEADLOCK, describe(sql), failure);
            // 1205 ER_LOCK_WAIT_TIMEOUT: a row lock was not granted within innodb_lock_wait_timeout; the holder
            // will let go, as with SQLite's busy timeout. The unit of work rolls back and may run again.
            case 1205 -> new TransientPersistenceException(Cause.BUSY, describe(sql), failure);
            // 1062 ER_DUP_ENTRY, 1586 ER_DUP_ENTRY_WITH_KEY_NAME: a duplicate key.
            case 1062, 1586 -> constraint(Kind.UNIQUE, name(DUPLICATE_KEY, sql), null, sql, failure);
            // 1451 ER_ROW_IS_REFERENCED_2 (a parent still referenced), 1452 ER_NO_REFERENCED_ROW_2 (no parent).
            case 1451, 1452 -> constraint(Kind.FOREIGN_KEY, name(NAMED_CONSTRAINT, sql), name(TABLE, sql), sql, failure);
            // 1048 ER_BAD_NULL_ERROR: NULL into a NOT NULL column; the message names the column, not its table.
            case 1048 -> notNull(sql, failure);
            // 4025 ER_CONSTRAINT_FAILED: a CHECK constraint, by name.
            case 4025 -> constraint(Kind.CHECK, name(NAMED_CONSTRAINT, sql), name(TABLE, sql), sql, failure);
            // 1406 ER_DATA_TOO_LONG: a value longer than its column (strict mode refuses it instead of cutting it),
            // where PostgreSQL's unbounded text would meet the length CHECKs: a CHECK on that column.
            case 1406 -> dataTooLong(sql, failure);
            // 1969 ER_STATEMENT_TIMEOUT: max_statement_time ended the statement.
            // 1317 ER_QUERY_INTERRUPTED: KILL QUERY ended it (an operator or a cancel).
            case 1969, 1317 -> new QueryTimeoutException(describe(sql), failure);
            // 1045 ER_ACCESS_DENIED_ERROR, 1044 ER_DBACCESS_DENIED_ERROR, 1698 ER_ACCESS_DENIED_NO_PASSWORD_ERROR:
            // the login itself is refused, and waiting will not change that.
            case 1045, 1044, 1698 -> new DatabaseUnavailableException(Reason.LOGIN_REFUSED, describe(sql), failure);
            // 1040 ER_CON_COUNT_ERROR (too many connections): refused at the door, for now.
            // 1049 ER_BAD_DB_ERROR: no such database (yet: it may be being created).
            case 1040, 1049 -> new DatabaseUnavailableException(Reason.CANNOT_CONNECT, describe(sql), failure);
            // 1927 ER_CONNECTION_KILLED: KILL ended our session. 1053 ER_SERVER_SHUTDOWN: the server is stopping.
            // 2006 CR_SERVER_GONE_ERROR, 2013 CR_SERVER_LOST: the connection broke (client codes).
            case 1927, 1053, 2006, 2013 -> connectionLost(sql, failure, phase);
            default -> isConnectionFailure(sql.getSQLState())
                    ? connectionLost(sql, failure, phase)
                    : new UnexpectedPersistenceException(describe(sql), failure);
        };
    }

    @Override
    protected boolean isLoginRefused(SQLException underlying) {
        int code = underlying.getErrorCode();
        return code == 1045 || code == 1044 || code == 1698;
    }

    private ConstraintViolationException notNull(SQLException sql, Throwable failure) {
        return new ConstraintViolationException(Kind.NOT_NULL, null, null, name(COLUMN, sql), describe(sql), failure);
    }

    private ConstraintViolationException dataTooLong(SQLException sql, Throwable failure) {
        return new ConstraintViolationException(Kind.CHECK, null, null, name(COLUMN, sql), describe(sql), failure);
    }

    /** @param table the table the message names, or null */
    private ConstraintViolationException constraint(Kind kind, String constraint, String named,
                                                           SQLException sql, Throwable failure) {
        String table = named;
        String column = null;
        var known = ConstraintCatalog.lookup(constraint);
        if (known.isPresent()) {
            table = known.get().table();
            column = known.get().column();
        }
        return new ConstraintViolationException(kind, constraint, table, column, describe(sql), failure);
    }

    /** The first group of {@code pattern} in the message, or null. */
    private String name(Pattern pattern, SQLException sql) {
        Matcher matcher = pattern.matcher(sql.getMessage() == null ? "" : sql.getMessage());
        return matcher.find() ? matcher.group(1) : null;
    }

    @Override
    protected String describe(SQLException sql) {
        return "error " + sql.getErrorCode() + ", SQLSTATE " + sql.getSQLState() + ": " + sql.getMessage();
    }
}
