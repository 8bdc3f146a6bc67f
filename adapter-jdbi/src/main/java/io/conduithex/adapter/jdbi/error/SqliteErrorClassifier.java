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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Classifies SQLite errors by result code. sqlite-jdbc gives no SQLSTATE, but its {@link SQLiteException}
 * carries the (extended) result code (see https://sqlite.org/rescode.html).
 */
final class SqliteErrorClassifier implements SqlErrorClassifier {

    // SQLite names the failing column (or named CHECK) only in the message: "UNIQUE constraint failed:
    // users.email_key". The message is the last resort here, and SqliteErrorClassifier tests pin its shape.
    private static final Pattern CONSTRAINT_SUBJECT = Pattern.compile("constraint failed: ([^\\]\\)]+?)\\)?\\s*$");

    @Override
    public PersistenceException classify(Throwable failure, Phase phase) {
        SQLException sql = SqlErrorClassifier.firstSqlException(failure);
        if (sql == null) {
            return new UnexpectedPersistenceException("database access failed without an SQL error: " + failure, failure);
        }
        if (sql instanceof SQLTransientConnectionException) {
            // HikariCP's "Connection is not available, request timed out". Its cause is the pool's last failure to
            // open a connection (cleared by the next success): with one, the file cannot be opened (a missing
            // folder, a file that is not a database); without one, every connection is simply lent out.
            if (sql.getCause() != null) {
                return new DatabaseUnavailableException(Reason.CANNOT_CONNECT,
                        sql.getMessage() + ": " + sql.getCause().getMessage(), failure);
            }
            return new DatabaseUnavailableException(Reason.POOL_EXHAUSTED, sql.getMessage(), failure);
        }
        if (!(sql instanceof SQLiteException sqlite)) {
            return new UnexpectedPersistenceException(sql.getMessage(), failure);
        }
        SQLiteErrorCode code = sqlite.getResultCode();
        return switch (code) {
            // SQLITE_BUSY (5) and its extended codes: another connection holds the lock past busy_timeout.
            // SQLITE_LOCKED (6): a conflict inside this connection's shared cache. Both clear on their own.
            // SQLITE_BUSY_TIMEOUT (773): a blocking lock wait (SQLITE_ENABLE_SETLK_TIMEOUT builds) ran out.
            case SQLITE_BUSY, SQLITE_BUSY_RECOVERY, SQLITE_BUSY_SNAPSHOT, SQLITE_BUSY_TIMEOUT, SQLITE_LOCKED,
                    SQLITE_LOCKED_SHAREDCACHE ->
                    // A busy COMMIT did not happen either: SQLite refuses it before writing anything.
                    new TransientPersistenceException(Cause.BUSY, sql.getMessage(), failure);
            // SQLITE_CONSTRAINT_UNIQUE (2067), _PRIMARYKEY (1555): a duplicate key.
            case SQLITE_CONSTRAINT_UNIQUE, SQLITE_CONSTRAINT_PRIMARYKEY -> constraint(Kind.UNIQUE, sqlite, failure);
            // SQLITE_CONSTRAINT_FOREIGNKEY (787): a reference to a missing row (foreign_keys=ON).
            case SQLITE_CONSTRAINT_FOREIGNKEY -> constraint(Kind.FOREIGN_KEY, sqlite, failure);
            // SQLITE_CONSTRAINT_NOTNULL (1299), SQLITE_CONSTRAINT_CHECK (275).
            case SQLITE_CONSTRAINT_NOTNULL -> constraint(Kind.NOT_NULL, sqlite, failure);
            case SQLITE_CONSTRAINT_CHECK -> constraint(Kind.CHECK, sqlite, failure);
            // SQLITE_INTERRUPT (9): the statement was stopped by sqlite3_interrupt (Statement.cancel) or a
            // progress handler, which is how a deadline is enforced on SQLite. Note that sqlite-jdbc's
            // Statement.setQueryTimeout never interrupts: it only lengthens busy_timeout, so it ends in SQLITE_BUSY.
            case SQLITE_INTERRUPT -> new QueryTimeoutException(sql.getMessage(), failure);
            // SQLITE_CANTOPEN (14) and its extended codes (a missing folder, a directory, a bad path),
            // SQLITE_NOTADB (26): the database file cannot be opened as a database.
            case SQLITE_CANTOPEN, SQLITE_CANTOPEN_ISDIR, SQLITE_CANTOPEN_FULLPATH, SQLITE_CANTOPEN_CONVPATH,
                    SQLITE_CANTOPEN_NOTEMPDIR, SQLITE_CANTOPEN_SYMLINK, SQLITE_CANTOPEN_DIRTYWAL, SQLITE_NOTADB ->
                    new DatabaseUnavailableException(Reason.CANNOT_CONNECT, sql.getMessage(), failure);
            default -> {
                // SQLITE_IOERR (10) and its extended codes during COMMIT: the write may be partly on disk.
                if (phase == Phase.COMMIT && code.name().startsWith("SQLITE_IOERR")) {
                    yield new CommitOutcomeUnknownException("I/O error during COMMIT: " + sql.getMessage(), failure);
                }
                // Anything else (SQLITE_ERROR for bad SQL, SQLITE_READONLY, ...) is a bug to look at.
                yield new UnexpectedPersistenceException(code + ": " + sql.getMessage(), failure);
            }
        };
    }

    private static ConstraintViolationException constraint(Kind kind, SQLiteException sql, Throwable failure) {
        String subject = null;
        Matcher matcher = CONSTRAINT_SUBJECT.matcher(sql.getMessage() == null ? "" : sql.getMessage());
        if (matcher.find()) {
            subject = matcher.group(1).trim();
        }
        String constraint = subject;
        String table = null;
        String column = null;
        var known = ConstraintCatalog.lookup(subject);
        if (known.isPresent()) {
            table = known.get().table();
            column = known.get().column();
        } else if (subject != null && subject.contains(".")) {
            // "table.column" or "table.a, table.b" for a composite key: the table is certain, the column only if single.
            table = subject.substring(0, subject.indexOf('.'));
            column = subject.contains(",") ? null : subject.substring(subject.indexOf('.') + 1);
        }
        return new ConstraintViolationException(kind, constraint, table, column,
                sql.getResultCode() + ": " + sql.getMessage(), failure);
    }
}
