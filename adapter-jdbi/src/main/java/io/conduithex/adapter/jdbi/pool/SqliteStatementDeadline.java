package io.conduithex.adapter.jdbi.pool;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementCustomizer;
import org.sqlite.ProgressHandler;
import org.sqlite.SQLiteConnection;

/**
 * The statement timeout on SQLite, which has none of its own (sqlite-jdbc's {@code setQueryTimeout} only
 * lengthens busy_timeout). A progress handler, called by SQLite every few thousand virtual-machine steps while
 * a statement runs, interrupts it once its deadline has passed; SQLite then fails it with SQLITE_INTERRUPT and
 * rolls back only that statement. The handler lives from execution until JDBI closes the statement, so reading
 * the rows counts too.
 */
final class SqliteStatementDeadline implements StatementCustomizer {
    /** Often enough for a deadline to be met within a millisecond or so, rarely enough to cost nothing measurable. */
    private static final int STEPS_BETWEEN_CHECKS = 10_000;

    private final long timeoutNanos;

    SqliteStatementDeadline(Duration timeout) {
        this.timeoutNanos = timeout.toNanos();
    }

    @Override
    public void beforeExecution(PreparedStatement statement, StatementContext context) throws SQLException {
        Connection connection = context.getConnection().unwrap(SQLiteConnection.class);
        long deadline = System.nanoTime() + timeoutNanos;
        ProgressHandler.setHandler(connection, STEPS_BETWEEN_CHECKS, new ProgressHandler() {
            @Override
            protected int progress() {
                return System.nanoTime() - deadline > 0 ? 1 : 0;
            }
        });
        context.addCleanable(() -> ProgressHandler.clearHandler(connection));
    }
}
