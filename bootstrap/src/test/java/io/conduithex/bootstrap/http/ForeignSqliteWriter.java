package io.conduithex.bootstrap.http;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * A writer outside the application (as another process would be) holding the write lock of an SQLite
 * database: it began an IMMEDIATE transaction and wrote, and keeps both until {@link #close()}, which rolls
 * back. Close is idempotent.
 */
final class ForeignSqliteWriter implements AutoCloseable {
    private final Connection connection;
    private boolean released;

    private ForeignSqliteWriter(Connection connection) {
        this.connection = connection;
    }

    /** Takes the write lock of the database at {@code url}; returns once it is held. */
    static ForeignSqliteWriter holdingTheWriteLockOf(String url) throws SQLException {
        Connection connection = DriverManager.getConnection(url);
        try (var statement = connection.createStatement()) {
            statement.execute("BEGIN IMMEDIATE");
            statement.executeUpdate("INSERT INTO tags (name) VALUES ('held-by-a-foreign-writer')");
            return new ForeignSqliteWriter(connection);
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /** Rolls back, which releases the lock, and closes the connection. */
    @Override
    public synchronized void close() throws SQLException {
        if (released) {
            return;
        }
        released = true;
        try (connection; var statement = connection.createStatement()) {
            statement.execute("ROLLBACK");
        }
    }
}
