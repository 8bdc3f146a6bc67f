package io.conduithex.bootstrap.reliability;

import io.conduithex.testsupport.OwnedServer;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * A database server that a fault test owns outright, whatever its product: the test may stop it and start it
 * again, end the application's sessions, hold a table or the commits, and put a proxy in front of it. The scenarios
 * are written once against this; {@link PostgresFaultServer} and {@link MariaDbFaultServer} say how each product
 * does what differs. Connections it opens are the superuser's, outside the application; the caller closes them.
 * {@link #start()}, {@link #stop()} and {@link #close()} may be called from any thread.
 */
abstract class FaultServer implements AutoCloseable {

    /** Starts a server of one product, with a data directory of its own, on a port of 127.0.0.1 for its life. */
    @FunctionalInterface
    interface Launcher {
        FaultServer launch();
    }

    /**
     * One of the application's sessions.
     *
     * @param idle          between transactions, waiting for the application's next statement
     * @param waitsForALock blocked on a lock: a table's or the gate of {@link #holdCommits} (on PostgreSQL a row's
     *                      too)
     * @param query         the statement it runs, or ran last (PostgreSQL) or none (MariaDB) when idle
     */
    record Session(long id, boolean idle, boolean waitsForALock, String query) {

        /** Whether it is stopped at COMMIT by the gate of {@link #holdCommits}. */
        boolean heldAtCommit() {
            return waitsForALock && query != null && "COMMIT".equalsIgnoreCase(query.strip());
        }
    }

    /** A lock or gate of the test's own, held until released. */
    @FunctionalInterface
    interface Held {
        void release() throws SQLException;
    }

    /** A login the server refuses, and words of the refusal that the start's failure must carry. */
    record RefusedLogin(String user, String password, String reason) {
    }

    private final OwnedServer owned;

    FaultServer(OwnedServer owned) {
        this.owned = owned;
    }

    final int port() {
        return owned.port();
    }

    /** A clean shutdown, as an operator's restart does: sessions end, nothing committed is lost. */
    final void stop() {
        owned.stop();
    }

    /** Starts the stopped server again on its port and data, and returns once it accepts logins. */
    final void start() {
        owned.start();
    }

    final boolean isRunning() {
        return owned.isRunning();
    }

    /** The user the application logs in as: the superuser, which owns whatever the test creates. */
    final String user() {
        return owned.user();
    }

    final Connection connect(String database) throws SQLException {
        return owned.connect(database);
    }

    /** Stops the server if it runs and deletes its data. */
    @Override
    public final void close() {
        owned.close();
    }

    /** Creates the empty database {@code name} as the application needs it (utf8mb4 on MariaDB). */
    abstract void createDatabase(String name);

    /** The JDBC URL of {@code database} on 127.0.0.1:{@code port}: the server's own port, or a proxy's. */
    abstract String url(int port, String database);

    /**
     * The sessions the application opened under {@code applicationName} (PostgreSQL's {@code application_name},
     * MariaDB's {@code program_name}), by id; the application's health probe has a name of its own.
     */
    abstract List<Session> sessions(String applicationName);

    /** Ends every session {@link #sessions} lists, as an operator would; returns how many it ended. */
    abstract int killSessions(String applicationName);

    /** Ends one session; returns whether the server still had it. */
    abstract boolean killSession(long id);

    /**
     * Locks {@code table} on {@code connection} against every other session's reads and writes, until released:
     * a statement of the application's that touches it waits.
     */
    abstract Held lockTable(Connection connection, String table) throws SQLException;

    /**
     * Holds, on {@code connection}, the COMMIT of every transaction that inserted a comment (on MariaDB, of every
     * transaction that wrote anything), until released: the transaction has done its work and waits at COMMIT, where
     * a test may end it or cut it off.
     */
    abstract Held holdCommits(Connection connection) throws SQLException;

    /**
     * Whether the application learns what became of a transaction whose COMMIT's answer it lost (PostgreSQL, by
     * {@code pg_xact_status}); where it cannot (MariaDB), the client is told that the write may or may not be
     * stored.
     */
    abstract boolean tellsLostCommitOutcomes();

    /** Creates a login that this server refuses outright. */
    abstract RefusedLogin refusedLogin();

    /** Runs {@code statements} on {@code connection}, in order. */
    static void execute(Connection connection, String... statements) throws SQLException {
        try (var statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    /** A hold that {@code statement} on {@code connection} releases. */
    static Held releasedBy(Connection connection, String statement) {
        return () -> execute(connection, statement);
    }
}
