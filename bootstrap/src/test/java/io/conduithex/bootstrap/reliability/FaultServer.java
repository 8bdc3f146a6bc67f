package io.conduithex.bootstrap.reliability;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * A database server that a fault test owns outright, whatever its product: the test may stop it and start it
 * again, end the application's sessions, hold a table or the commits, and put a proxy in front of it. The scenarios
 * are written once against this; {@link PostgresFaultServer} and {@link MariaDbFaultServer} say how each product
 * does it. Connections it opens are the superuser's, outside the application; the caller closes them.
 * {@link #start()}, {@link #stop()} and {@link #close()} may be called from any thread.
 */
interface FaultServer extends AutoCloseable {

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

    int port();

    /** A clean shutdown, as an operator's restart does: sessions end, nothing committed is lost. */
    void stop();

    /** Starts the stopped server again on its port and data, and returns once it accepts logins. */
    void start();

    boolean isRunning();

    /** The user the application logs in as: the superuser, which owns whatever the test creates. */
    String user();

    /** Creates the empty database {@code name} as the application needs it (utf8mb4 on MariaDB). */
    void createDatabase(String name);

    /** The JDBC URL of {@code database} on 127.0.0.1:{@code port}: the server's own port, or a proxy's. */
    String url(int port, String database);

    Connection connect(String database) throws SQLException;

    /**
     * The sessions the application opened under {@code applicationName} (PostgreSQL's {@code application_name},
     * MariaDB's {@code program_name}), by id; the application's health probe has a name of its own.
     */
    List<Session> sessions(String applicationName);

    /** Ends every session {@link #sessions} lists, as an operator would; returns how many it ended. */
    int killSessions(String applicationName);

    /** Ends one session; returns whether the server still had it. */
    boolean killSession(long id);

    /**
     * Locks {@code table} on {@code connection} against every other session's reads and writes, until released:
     * a statement of the application's that touches it waits.
     */
    Held lockTable(Connection connection, String table) throws SQLException;

    /**
     * Holds, on {@code connection}, the COMMIT of every transaction that inserted a comment (on MariaDB, of every
     * transaction that wrote anything), until released: the transaction has done its work and waits at COMMIT, where
     * a test may end it or cut it off.
     */
    Held holdCommits(Connection connection) throws SQLException;

    /**
     * Whether the application learns what became of a transaction whose COMMIT's answer it lost (PostgreSQL, by
     * {@code pg_xact_status}); where it cannot (MariaDB), the client is told that the write may or may not be
     * stored.
     */
    boolean tellsLostCommitOutcomes();

    /** Creates a login that this server refuses outright. */
    RefusedLogin refusedLogin();

    /** Stops the server if it runs and deletes its data. */
    @Override
    void close();
}
